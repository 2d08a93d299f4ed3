// Renderer entry: resolve the door's API once, then mount the app.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { resolveUpsApi } from './ups-api';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App api={resolveUpsApi()} />);
