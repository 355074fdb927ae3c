/** Portable engagement files: the format (read, validate, upgrade, encrypt), export and import. */
export { EXPORT_NOTICE, exportEngagement } from './export'
export { encryptBytes, looksPortable, readPortableBytes, readPortableValue, unlockPortable, type ReadPortable } from './format'
export { importPortable, summarize, takePreImportBackup } from './import'
export { alreadyHere } from '../../db/repositories/portable.repository'
export { WRONG_PASSPHRASE } from '../crypto-envelope'
