import { createMemoryStores } from '../features';
import { runSyncContract } from './sync.contract';

runSyncContract('in-memory twins', createMemoryStores);
