// Each domain's handler file owns the channels of its prefix (`study:*`, `themes:*`, ...).
import type { CoreChannel, Handlers } from '../../../shared/ipc/contract';

/** The channels whose names start with one of the prefixes. */
export type ChannelsOf<P extends string> = Extract<CoreChannel, `${P}:${string}`>;

/** The handlers of one domain: exactly its channels, no more, no fewer. */
export type DomainHandlers<P extends string> = Handlers<ChannelsOf<P>>;
