// Does a sentence stand alone as a quote? A reader of a persona card or a theme sees the quote
// without the transcript around it, so four kinds of sentence fail:
// - backchannel: acknowledgements and bare answers ("Yeah, that makes sense.", "I agree.",
//   "Good question.", "Not really.") say nothing without the question;
// - interview logistics: talk about the call itself ("Can you see my screen?", "You're on mute.");
// - dangling: abandoned mid-way ("If you have a project that you just…");
// - dependent: leans on the sentence before it ("That's why we left.", "Sometimes you do and
//   sometimes you don't.", "It was hard.").
// Pure functions on text, shared by quote extraction, the bullet drafter and the benches. Word
// lists and patterns, not a parser: they run on every sentence of an import (see extract.ts).
import { FILLER_PHRASE_LIST, FILLER_WORD_LIST } from './fillers';
import { countWords } from './noise';

/** Lower case, curly apostrophes straightened: the form every list below is written in. */
function normal(text: string): string {
  return text.toLowerCase().replace(/’/g, "'");
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function words(text: string): string[] {
  return normal(text).match(WORD) ?? [];
}

/** Letters and digits, ASCII or beyond Latin-1 punctuation (as countWords reads them). */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && c !== 0xd7 && c !== 0xf7;
}

/**
 * The first word of the text in the lists' form ("That’s" -> "that's"), or '' when no word
 * opens it within a few characters. A cheap gate: most sentences fail on it.
 */
function headWord(text: string): string {
  let i = 0;
  const limit = Math.min(text.length, 8);
  while (i < limit && !isWordCode(text.charCodeAt(i))) i++;
  if (i >= limit) return '';
  let j = i;
  while (j < text.length && j - i < 24) {
    const c = text.charCodeAt(j);
    if (isWordCode(c) || ((c === 0x27 || c === 0x2019 || c === 0x2d) && isWordCode(text.charCodeAt(j + 1)))) j++;
    else break;
  }
  return normal(text.slice(i, j));
}

/** Acknowledgements, reactions and bare answers: alone they only make sense after a question. */
const BACKCHANNEL_PHRASES = [
  ...FILLER_PHRASE_LIST,
  'that makes sense', 'makes sense', 'that makes total sense', 'makes total sense', 'that makes a lot of sense',
  'makes a lot of sense', 'that make sense', 'if that makes sense', 'does that make sense', 'i agree', 'agree',
  'i agree with that', 'i agree with you', 'agree with that', 'agree with you', 'good question', 'great question',
  'interesting question', 'tough question', 'hard question', 'big question', 'good one', 'tough one', 'hard one',
  "that's a good one", "that's a tough one", "that's a hard one", "that's a good question", "that's a great question",
  "that's an interesting question", "that's a tough question", "that's a hard question", "that's a big question",
  "it's a good question", "it's a great question", 'good point', 'fair point', 'great point', "that's a good point",
  "that's a fair point", "that's a great point", "that's fair", "that's true", "that's so true", 'so true',
  'that is true', 'that is right', "you're right", 'you are right', "that's exactly right", 'exactly right',
  "that's exactly it", "that's it", "that's interesting", 'that is interesting', 'how interesting',
  "that's really interesting", 'i understand', 'understood', 'i hear you', 'i know', 'i know right', 'me too',
  'me neither', 'same here', 'same', 'i think so', 'i guess so', 'i suppose so', 'i believe so', 'i hope so',
  "i don't think so", 'i think not', 'i hope not', 'i guess not', "i don't know", 'i dunno', 'not really',
  'not sure', "i'm not sure", 'not at all', 'not exactly', 'not necessarily', 'not quite', 'good', "that's good",
  "that's great", "that's cool", "that's awesome", "that's nice", "that's amazing", "that's fine", "that's funny",
  "that's wild", "that's crazy", "that's so cool", 'sounds great', 'sounds right', 'sounds about right',
  'that sounds right', 'that sounds good', 'that sounds great', 'that sounds about right', "that's about right",
  'no doubt', 'let me think', 'let me see', "let's see", 'let me think about that', 'let me think about it',
  'good to know', 'oh really', 'really', 'is that right', 'is that so', 'you know what i mean', 'you know',
  "that's what i mean", "that's what i'm saying", 'yes and no', 'kind of', 'sort of', 'more or less', 'maybe',
  'probably', 'possibly', 'somewhat', 'what else', 'where was i', 'uh huh', 'sorry', 'excuse me', 'pardon',
  'pardon me', 'please', 'go on', 'by the way', 'anyway', 'anyhow', "that's all", "that's about it", "that's about all", "that's everything",
  'nothing else', 'nothing more', 'not at this moment', 'not at the moment', 'not right now', 'not yet', 'not for now', 'not that i know of', 'i think that is it', 'i hope that helps', 'hope that helps', 'hope this helps', 'i see what you mean', 'i see that', 'i get it', 'i get that',
  'i totally get that', 'totally agree', 'i totally agree', 'i completely agree', 'i absolutely agree',
  'that works', 'works for me', 'why not', 'who knows', 'how so', 'like what', 'what do you mean',
];
/** Words that may sit inside a backchannel ("Yeah, totally, a hundred percent.") but make none alone. */
const SOFTENERS = new Set([
  'honestly', 'actually', 'completely', 'really', 'very', 'so', 'too', 'also', 'then', 'now', 'though', 'a',
  'hundred', 'percent', '100', '100%', 'on', 'that', 'one', 'there', 'with', 'you', 'just', 'again', 'guess',
  'think', 'and', 'but', 'or', 'lol', 'haha', 'ha',
]);

type Lexicon = Map<string, string[][]>;
function lexicon(phrases: Iterable<string>): Lexicon {
  const out: Lexicon = new Map();
  for (const phrase of phrases) {
    const ws = words(phrase);
    const first = ws[0];
    if (first === undefined) continue;
    out.set(first, [...(out.get(first) ?? []), ws].sort((a, b) => b.length - a.length));
  }
  return out;
}
const BACKCHANNEL = lexicon([...BACKCHANNEL_PHRASES, ...FILLER_WORD_LIST]);

/**
 * Whether every word of `ws` belongs to a backchannel phrase or a softener, with at least one
 * backchannel phrase: "Yeah, that makes total sense." yes, "Honestly." no.
 */
function allBackchannel(ws: string[]): boolean {
  let phrases = 0;
  let i = 0;
  while (i < ws.length) {
    const w = ws[i] ?? '';
    const phrase = BACKCHANNEL.get(w)?.find((p) => p.every((x, k) => ws[i + k] === x));
    if (phrase) {
      i += phrase.length;
      phrases++;
    } else if (SOFTENERS.has(w)) i++;
    else return false;
  }
  return phrases > 0;
}

/** "Yeah, yeah, I totally agree with you on that, a hundred percent." is about as long as they get. */
const MAX_BACKCHANNEL_WORDS = 14;

/**
 * True when the text only acknowledges or answers: "Yeah, that makes sense.", "Right, exactly.",
 * "Good question.", "That sounds great, Claude." (a name addressed to the interviewer counts for
 * nothing).
 */
export function isBackchannel(text: string): boolean {
  if (text.length > 160) return false;
  const head = headWord(text);
  if ((!BACKCHANNEL.has(head) && !SOFTENERS.has(head)) || countWords(text) > MAX_BACKCHANNEL_WORDS + 2) return false;
  const ws = words(withoutVocatives(text));
  return ws.length > 0 && ws.length <= MAX_BACKCHANNEL_WORDS && allBackchannel(ws);
}

/** The text without names addressed to someone: a capitalised word alone between a comma and the end of a clause. */
function withoutVocatives(text: string): string {
  if (!text.includes(',') && !text.includes(';')) return text;
  return text.replace(/([,;]\s*)\p{Lu}[\p{L}'’-]*(?=\s*(?:[,.!?;:…]|$))/gu, '$1');
}

// Talk about the call rather than the subject: greetings, screens, sound, recording, turn-taking,
// time. Each pattern is matched against one clause (lower case, straight apostrophes, no end
// punctuation), so "I'll share my screen" is logistics, "we share the screen time" is not.
const LOGISTICS: RegExp[] = [
  /\bthanks?(?: you)?(?: so much| very much| again)? for (?:having|inviting|the invite|the invitation|your time|taking the time|the time|talking|chatting|joining|reaching out|doing this|setting this up|the opportunity|asking|the chat|this)\b/,
  /\b(?:nice|good|great|lovely|a pleasure|pleasure|pleased|glad|happy) to (?:meet|see|chat with|talk to|talk with|speak with|speak to|e-meet) you\b/,
  /\b(?:nice|good|great|lovely) (?:meeting|seeing|talking to|chatting with) you\b/,
  /\b(?:glad|happy|excited) to be (?:here|part of this|on the call|talking)\b/,
  /\b(?:happy|glad) to (?:help|do this|participate|chat|take part)$/,
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening))(?: there| everyone| all)?(?: [a-z]+)?$/,
  /^(?:and )?how are (?:you|things)(?: doing)?(?: today)?$/,
  /^i'm (?:good|fine|well|doing well|doing good|great|ok|okay|alright|all right)(?: thanks?(?: you)?)?(?: and you| how about you| how are you| yourself)?$/,
  /\bcan you (?:see|hear) (?:me|my screen|the screen|it|that|this|everything|my slides)\b/,
  /^i can (?:see|hear) (?:you|it|that|this|your screen|the screen|everything|you fine|you now)(?: now| fine| okay| ok| well| clearly| perfectly)?$/,
  /\b(?:on|using|with) (?:a|my) (?:new|different|other|borrowed|work) (?:laptop|computer|device|headset|mic|browser|phone)$/,
  /^(?:we|i) (?:should|need to|have to|can|could|will|'ll) (?:probably |maybe |just )?wrap (?:it |this |things )?up(?: here| now| soon)?$/,
  /\b(?:do|can|could) you see (?:my|the) (?:screen|slides?|window)\b/,
  /\bis (?:my|the) (?:screen|audio|sound|mic|video) (?:visible|showing|working|okay|ok|coming through)\b/,
  /\b(?:share|sharing|unshare|stop sharing) (?:my|the|your) screen\b(?! ?(?:time|reader|size|shot|saver|resolution))/,
  /\bscreen ?shar(?:e|ing)\b/,
  /\b(?:you're|you are|i'm|i am|i was|you were|we're) (?:still )?(?:on )?mute(?:d)?\b/,
  /\b(?:un)?mute (?:myself|yourself|you|me)\b/,
  /\byou(?:'re| are) (?:breaking up|frozen|cutting out|lagging|glitching|echoing)\b/,
  /\b(?:my|the|your) (?:internet|connection|wifi|wi-fi|audio|mic|microphone|camera|video|headphones|headset) (?:is|was|keeps|has been|just|dropped|froze|died|cut)\b/,
  /\b(?:bad|poor|weak|spotty) (?:connection|internet|signal|audio)\b/,
  /\byou froze\b|\bi (?:lost|dropped) (?:you|the call|connection|the connection)\b/,
  /^(?:please )?(?:go ahead|you go(?: ahead| first)?|after you|no you go)$/,
  /\bsorry(?: to| for)? (?:interrupt|interrupting|i interrupted|i cut you off|to cut you off|go ahead|about that|for the delay|i'm late|for being late)\b/,
  /\b(?:is it|are we|we're|we are|i'm|it's|it is|is this) (?:still |now |being )?recording(?: now)?$/,
  /\b(?:start|started|stop|stopped|starting|stopping|begin|hit|pause|paused) (?:the )?(?:recording|record button|transcript)\b/,
  /\b(?:the )?recording (?:has )?(?:started|is on|is running|is going)\b/,
  /\b(?:okay|ok|alright|fine) (?:if|to|that) (?:i|we) (?:record|start (?:the )?(?:recording|transcript))\b/,
  /\b(?:consent|agree) to (?:being )?record(?:ed|ing)?\b/,
  /^(?:one|a|just a) (?:sec|second|moment|minute)(?: please)?$/,
  /^(?:hold on|hang on|bear with me|give me (?:a|one) (?:sec|second|moment|minute))\b/,
  /\b(?:can|could) you (?:repeat|rephrase) (?:the|that|your)(?: question)?\b/,
  /\b(?:what|which) (?:was|is) the question(?: again)?\b/,
  /\b(?:say that again|repeat the question|repeat that)\b/,
  /\bi didn't (?:catch|hear|get) (?:that|the question|what you said)\b/,
  /\b(?:we're|we are|i'm|i am) (?:almost |about |nearly |running )?(?:out of|over|short on) time\b/,
  /\b(?:i|we) (?:have|need|got) to (?:go|jump|drop|run|hop off|leave)(?: now| soon| in a (?:minute|sec|second|bit))?$/,
  /\b(?:i've|i have) (?:got )?(?:another|a) (?:call|meeting) (?:at|in|after)\b/,
  /\b(?:have|got) a (?:hard )?stop\b/,
  /\b(?:talk|speak|see|chat) (?:to |with )?you (?:soon|later|next time|then|around|next week)\b/,
  /\bhave a (?:good|great|nice|lovely|wonderful) (?:day|one|weekend|evening|afternoon|morning|night|week)\b/,
  /^(?:bye|goodbye|bye-bye|bye bye|cheers|take care)\b/,
  /\b(?:any|do you have any) (?:other |more |further )?questions (?:for me|before we (?:start|begin|end))\b/,
  /\bthat's (?:all|it|everything) (?:for|from) (?:me|my side|my end|today)\b/,
  /\b(?:that's|that is) all (?:i've|i have) got\b/,
  /\b(?:i'll|i will|i can) send (?:you )?(?:the|a|my) (?:link|transcript|recording|invite|consent form|form|survey|notes)\b/,
  /\b(?:zoom|teams|google meet|skype|webex) (?:link|call|invite|meeting|room)\b/,
  /^(?:so )?(?:shall|should|can) we (?:start|begin|get started|get going)$/,
  /^let's (?:get started|begin|start|dive in|get into it|do it|go|do this)$/,
  /^(?:i'm )?ready when you are$|^(?:i'm|i am|we're) (?:all )?(?:ready|set)(?: to (?:go|start|begin))?$/,
  /^lets (?:get started|begin|start|dive in|get into it|do it|go|do this)$/,
  /^(?:i have |i've got |we have )?no (?:more |other |further )?questions(?: here| from me| for now| at the moment| right now)?$/,
  /\b(?:i|we) (?:don't|do not) have any (?:more |other |further )?questions\b/,
  /^(?:you can|feel free to|please) (?:proceed|continue|go on|start|begin)$/,
  /\b(?:this|that|it) (?:has been|was) (?:fun|great|lovely|a pleasure|nice|enjoyable|a great chat|a good chat|a nice chat|really fun)$/,
  /\bi (?:enjoyed|loved) (?:this|our chat|our conversation|talking|chatting)\b/,
  /^(?:are you )?still there$|^hello$/,
  /^(?:i think )?(?:that|this|it)(?:'s| is| would be| will be| should be) (?:it|all|everything|about it)(?: for (?:me|now|today))?(?: (?:unless|if) you have (?:any )?(?:other |more )?questions)?$/,
];
/** All of them in one pattern: one scan of the clause instead of fifty. */
const ANY_LOGISTICS = new RegExp(LOGISTICS.map((re) => `(?:${re.source})`).join('|'));
/** Logistics clauses are short; a longer clause is about something else. */
const MAX_LOGISTICS_CLAUSE = 120;
const MAX_LOGISTICS_WORDS = 40;
/** A word every logistics pattern holds one of, or a backchannel-only text (no logistics): a cheap gate. */
const LOGISTICS_ANCHOR =
  /thank|meet|pleas|glad|happy|excit|\bh(?:i|ey|ello)\b|morning|afternoon|evening|how are|i['’]m|hear|see|screen|mute|break|froze|frozen|lag|cutting|glitch|echo|internet|connection|wi-?fi|audio|\bmic|camera|video|headphone|headset|signal|ahead|after you|you go|sorry|record|transcript|consent|\bsec\b|second|moment|minute|hold on|hang on|bear with|give me|repeat|rephrase|question|say that|catch|time|to (?:go|jump|drop|run|hop|leave)|call|meeting|stop|talk|speak|chat|\bbye|cheers|take care|have a|link|zoom|teams|skype|webex|\bwe (?:start|begin|get)|let['’]?s|ready|\bset\b|proceed|continue|go on|fun|enjoy|still there|lovely|nice|good|great|wrap|(?:['’]s| is| would be| will be| should be) (?:it|all|everything|about it)\b|laptop|computer|device|phone|browser/i;

/** A clause: text between , ; : . ! ? … -- — – (and the clause's own words). */
const CLAUSE_BREAK = /\s*(?:[,;:.!?…]+|--+|[—–])\s*/;

function clausesOf(text: string): string[] {
  return normal(text)
    .split(CLAUSE_BREAK)
    .map((c) => c.replace(/["“”()[\]]/g, '').trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
}

function isLogisticsClause(clause: string): boolean {
  return clause.length <= MAX_LOGISTICS_CLAUSE && ANY_LOGISTICS.test(clause);
}

/** Where the clause that starts at `from` ends: at , ; : . ! ? … — – or "--". */
function clauseEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === ',' || c === ';' || c === ':' || c === '.' || c === '!' || c === '?' || c === '…' || c === '—' || c === '–') return i;
    if (c === '-' && text.charAt(i + 1) === '-') return i;
  }
  return text.length;
}

/**
 * True when the text is about the interview call itself: every clause is logistics or
 * backchannel, at least one is logistics ("Sorry, go ahead.", "Thanks for having me!",
 * "Can you see my screen now?"). "I'll share my screen so you can see the dashboard" is logistics
 * too: the whole clause is about the call.
 */
export function isLogistics(text: string): boolean {
  if (text.length > 240) return false;
  // Most sentences fail on their first clause: test it before splitting the rest.
  const firstEnd = clauseEnd(text, 0);
  if (firstEnd > MAX_LOGISTICS_CLAUSE + 8 || !LOGISTICS_ANCHOR.test(text) || countWords(text) > MAX_LOGISTICS_WORDS) return false;
  const first = normal(text.slice(0, firstEnd)).replace(/["“”()[\]]/g, '').trim();
  if (first.length > 0 && !isLogisticsClause(first) && !allBackchannel(first.match(WORD) ?? [])) return false;
  const clauses = clausesOf(withoutVocatives(text));
  let logistics = 0;
  for (const clause of clauses) {
    if (isLogisticsClause(clause)) logistics++;
    else if (!allBackchannel(clause.match(WORD) ?? [])) return false;
  }
  return logistics > 0;
}

/** True when the first clause of the text is backchannel: "Yeah, ...", "That makes sense, ...", "Right. ..." */
export function startsWithBackchannel(text: string): boolean {
  const first = clausesOf(text.slice(0, 200))[0];
  return first !== undefined && allBackchannel(first.match(WORD) ?? []);
}

/** True when the text opens with a backchannel or logistics clause: "Yeah, that makes sense, ...", "Thanks for having me. ..." */
export function startsWithChatter(text: string): boolean {
  const first = clausesOf(text.slice(0, 200))[0];
  return first !== undefined && (allBackchannel(first.match(WORD) ?? []) || isLogisticsClause(first));
}

const COORDINATOR = /^(?:and|so|but|and so|but yeah|and yeah)\b[\s,]*/i;
/** Words a leading chatter clause can open with (the first word of a backchannel or logistics clause). */
const FIRST_WORDS = new Set([
  ...BACKCHANNEL.keys(), 'thanks', 'thank', 'nice', 'good', 'great', 'lovely', 'pleasure', 'pleased', 'glad', 'happy',
  'excited', 'sorry', 'hi', 'hello', 'hey', 'can', 'could', 'let', "let's", 'lets', 'hold', 'hang', 'bear', 'give',
]);

/**
 * How many characters of leading backchannel or logistics clauses open `text`, each ended by
 * punctuation ("That makes sense, and ", "Thanks for having me! "), with the "and"/"so"/"but"
 * that tied them to what follows. 0 when the text does not open that way, or when nothing but
 * chatter follows (the caller drops such a sentence whole).
 */
export function leadingChatterLength(text: string): number {
  if (!FIRST_WORDS.has(headWord(text)) || clauseEnd(text, 0) > MAX_LOGISTICS_CLAUSE) return 0;
  let at = 0;
  let skipped = false;
  for (let step = 0; step < 6; step++) {
    const rest = text.slice(at, at + 200);
    const brk = /(?:[,;:.!?…]+|--+|[—–])[\s"”)]*/.exec(rest);
    if (!brk || brk.index + brk[0].length >= rest.trimEnd().length) break;
    const clause = normal(rest.slice(0, brk.index)).replace(/["“”()[\]]/g, '').trim();
    const ws = clause.match(WORD) ?? [];
    if (ws.length === 0 || !(allBackchannel(ws) || isLogisticsClause(clause))) break;
    at += brk.index + brk[0].length;
    skipped = true;
  }
  if (!skipped) return 0;
  const coordinator = COORDINATOR.exec(text.slice(at, at + 20));
  if (coordinator && at + coordinator[0].length < text.length) at += coordinator[0].length;
  return at;
}

// ---- Dependent sentences -----------------------------------------------------------------

/** Openers that tie a sentence to the one before: "That's why we left." */
const LEANING_OPENER =
  /^(?:which|whereas|whereby|that's why|that is why|this is why|which is why|that's because|that is because|this is because|so that|and then|but|and that|and this|and it|and they|and those|and these|or|nor|otherwise|then|same (?:with|for|thing)|likewise|similarly|instead|meanwhile|even so|besides|therefore|hence|thus|that said|having said that|in that case|in which case|in this case|other than that|apart from that|because of that|because of this|on top of that|after that|before that|at that point|by then|so that's|so this is|so it's|so they|so he|so she|like that|not that|especially|except|unlike)\b/;
/** Pronouns and demonstratives whose referent is outside the sentence when they open it. */
const REFERRING = new Set(['it', "it's", 'its', 'they', "they're", "they've", "they'd", "they'll", 'them', 'their', 'theirs', 'he', "he's", 'she', "she's", 'him', 'his', 'her', 'that', "that's", 'this', 'these', 'those', 'such']);
/** "This year we..." and "That morning I..." set a time; the sentence still stands. */
const TIME_NOUNS = new Set(['year', 'month', 'week', 'day', 'morning', 'afternoon', 'evening', 'night', 'time', 'summer', 'winter', 'spring', 'fall', 'autumn', 'semester', 'quarter', 'weekend', 'season', 'decade', 'century', 'way', 'kind', 'sort', 'type']);
const AUXILIARIES = new Set(['do', "don't", 'did', "didn't", 'does', "doesn't", 'can', "can't", 'cannot', 'could', "couldn't", 'will', "won't", 'would', "wouldn't", 'should', "shouldn't", 'is', "isn't", 'was', "wasn't", 'are', "aren't", 'were', "weren't", 'have', "haven't", 'has', "hasn't", 'had', "hadn't", 'am', 'might', 'must', 'not']);
const SUBJECTS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'people', 'one', 'everyone', 'everybody', 'nobody', 'somebody', 'someone', 'some', 'others']);
const CLAUSE_WORDS = new Set(['who', 'what', 'where', 'how', 'when', 'why', 'whatever', 'which', 'than', 'as', 'if', 'whether']);
/** Subordinators: a sentence made of only the subordinate clause answers a question it does not hold. */
const SUBORDINATORS = new Set(['because', "'cause", 'cause', 'if', 'when', 'although', 'though', 'unless', 'since', 'whereas', 'while', 'whenever']);
/** "It's hard to find maintainers." has no referent to miss: "it" stands for what follows. */
const EXTRAPOSED_IT =
  /^it(?:'s| is| was| has been| had been| can be| could be| would be| will be| might be| becomes| became| gets| got| takes| took| costs| cost| makes| made| helps| helped| feels| felt| seems| seemed| looks| looked| sounds| sounded| turns out| turned out| depends on| happens| happened| used to be)\b/;
const EXTRAPOSED_TAIL = /\b(?:to \p{L}+|that|like|as if|whether|how|when|for \S+ to)\b/u;
/** First words of LEANING_OPENER: the regex runs only after one of them. */
const LEANING_FIRST = new Set(
  LEANING_OPENER.source
    .slice(4, -3)
    .split('|')
    .map((alt) => alt.split(' ')[0] ?? ''),
);
/** The last word of the text in the lists' form, or '' (a cheap backwards scan). */
function lastWord(text: string): string {
  let e = text.length;
  while (e > 0 && !isWordCode(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > 0 && e - s < 24) {
    const c = text.charCodeAt(s - 1);
    if (isWordCode(c) || ((c === 0x27 || c === 0x2019 || c === 0x2d) && s - 1 > 0 && isWordCode(text.charCodeAt(s - 2)))) s--;
    else break;
  }
  return normal(text.slice(s, e));
}
const OBJECT_WORDS = new Set(['it', 'that', 'this', 'them', 'those', 'these']);
const OBJECT_PRONOUN_TAILS = new Set(['too', 'lot', 'time', 'well', 'day', 'anymore', 'again', 'either']);
/** "I do that a lot.", "We love it.": a short sentence whose object is only a pronoun. */
const OBJECT_PRONOUN_END =
  /\b(?:do|did|does|doing|like|liked|love|loved|hate|hated|use|used|using|want|wanted|need|needed|try|tried|see|saw|mean|meant|say|said|know|knew|feel|felt|get|got|have|had|make|made|prefer|enjoy|enjoyed|remember|fix|fixed|read) (?:it|that|this|them|those|these)(?: too| a lot| all the time| as well| every day| anymore| again| either)?$/;

/**
 * True when the sentence leans on the one before it: it opens with a connective ("That's why",
 * "Which", "But", "And then"), with a pronoun or demonstrative whose referent it does not hold
 * ("It was hard.", "They never paid."), answers with a bare subordinate clause ("Because nobody
 * pays for it."), or ends on an elided verb ("Sometimes you do and sometimes you don't.").
 * "It's hard to find maintainers." and "This year we moved." stand alone.
 */
export function needsPrevious(text: string): boolean {
  const first = headWord(text);
  if (first === '') return false;
  let head = '';
  if (LEANING_FIRST.has(first)) {
    head = normal(text.slice(0, 48)).replace(/^[\s"“(]+/, '');
    if (LEANING_OPENER.test(head)) return true;
  }
  const n = countWords(text);
  if (REFERRING.has(first)) {
    head = normal(text.slice(0, 160)).replace(/^[\s"“(]+/, '');
    if (first.startsWith('it') && EXTRAPOSED_IT.test(head)) {
      // The clause "it" stands for follows within a few words: "It's really hard for us to...".
      if (EXTRAPOSED_TAIL.test(head.split(' ', 7).join(' ')) && n >= 5) return false;
      if (/^it depends on\b/.test(head) && n >= 6) return false;
      return true;
    }
    if (first === 'this' || first === 'that') {
      const second = /^\S+\s+([\p{L}']+)/u.exec(head)?.[1];
      if (second !== undefined && TIME_NOUNS.has(second)) return false;
    }
    return true;
  }
  if (SUBORDINATORS.has(first) && !/[,;:—–]|--/.test(text)) return true;
  const last = lastWord(text);
  if (!AUXILIARIES.has(last) && !(n <= 6 && OBJECT_WORDS.has(last)) && !OBJECT_PRONOUN_TAILS.has(last)) return false;
  const tail = normal(text.slice(-60, text.length)).replace(/[\s.!?…"”)]+$/, '');
  const ws = tail.match(WORD) ?? [];
  const beforeLast = ws[ws.length - 2] ?? '';
  if (AUXILIARIES.has(last) && SUBJECTS.has(beforeLast) && !CLAUSE_WORDS.has(ws[ws.length - 3] ?? '')) return true;
  return n <= 6 && OBJECT_PRONOUN_END.test(tail);
}

// ---- Dangling sentences --------------------------------------------------------------------

/** Words a finished sentence does not end on: "...and the", "...because". */
const UNFINISHED_END = new Set([
  'the', 'a', 'an', 'of', 'to', 'and', 'but', 'or', 'my', 'our', 'your', 'their', 'his', 'its', 'which', 'because',
  'if', 'than', 'like', 'been', 'i', 'we', "i'm", "we're", "it's", "that's", "there's", 'very', 'just', 'kind', 'sort',
  'whether', 'although', 'um', 'uh',
]);

/**
 * True when the speaker abandoned the sentence: it ends on an ellipsis or dash ("If you have a
 * project that you just…", "It's been that thing of --"), or without end punctuation on a word
 * no finished sentence ends with ("...and the").
 */
export function isDangling(text: string): boolean {
  let e = text.length;
  while (e > 0 && TRAILING.includes(text.charAt(e - 1))) e--;
  const t = text.slice(Math.max(0, e - 40), e);
  if (/(?:…|\.\.\.+|--+|[—–]|\s-|,)$/.test(t)) return true;
  if (/[.!?]$/.test(t)) return false;
  const last = normal(t).match(/[\p{L}\p{N}']+$/u)?.[0];
  return last !== undefined && UNFINISHED_END.has(last);
}
/** What may follow a sentence's last word or mark: spaces, closing quotes and brackets. */
const TRAILING = ' \t\n\r\u00a0"”’\')]';
