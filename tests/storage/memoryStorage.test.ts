import { MemoryStorage } from '../../src/storage/memoryStorage.ts'
import { storageContract } from './storageContract.ts'

storageContract('memory', async () => ({ storage: new MemoryStorage() }), { persistent: false })
