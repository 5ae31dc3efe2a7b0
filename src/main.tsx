import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { lazyConnection } from './app/lazy-connection';
import { getDb } from './app/services';
import { UpdatePrompt } from './app/UpdatePrompt';
import './app/app.css';

const db = getDb();
const connection = lazyConnection(db);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App db={db} connect={() => connection} updatePrompt={<UpdatePrompt />} />
  </StrictMode>,
);

// Firebase and the sync loop load after the first paint, from what the device already has.
requestAnimationFrame(() => setTimeout(() => void connection.load(), 0));
