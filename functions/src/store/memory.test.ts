import { MemoryStore } from './memory';
import { runStoreContract } from './store.contract';

runStoreContract('in-memory twin', () => new MemoryStore());
