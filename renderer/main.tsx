import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { errorMessage, getBridge } from './bridge';
import { PathPromptProvider } from './components/PathPrompt';
import { BridgeMissing } from './features/study/BridgeMissing';
import { JobsProvider } from './features/jobs/JobsProvider';
import { cssVariablesResolver, theme } from './theme';

function bridgeProblem(): string | null {
  try {
    getBridge();
    return null;
  } catch (err) {
    return errorMessage(err);
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const problem = bridgeProblem();

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {problem ? (
        <BridgeMissing reason={problem} />
      ) : (
        <JobsProvider>
          <PathPromptProvider>
            <App />
          </PathPromptProvider>
        </JobsProvider>
      )}
    </MantineProvider>
  </StrictMode>,
);
