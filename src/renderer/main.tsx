// Renderer entry: resolve the door's API once, provide it to every screen, then mount the app.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { UpsProvider } from './ups-context';
import { resolveUpsApi } from './ups-api';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <UpsProvider api={resolveUpsApi()}>
      <App />
    </UpsProvider>,
  );
