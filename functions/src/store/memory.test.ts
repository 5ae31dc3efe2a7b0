import { MemoryStore } from './memory';
import { runStoreContract } from './store.contract';
import { runNominationContract } from './nomination.contract';
import { runYellContract } from './yell.contract';

runStoreContract('in-memory twin', () => new MemoryStore());
runNominationContract('in-memory twin', () => new MemoryStore());
runYellContract('in-memory twin', () => new MemoryStore());
