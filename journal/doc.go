// Package journal is Hearth's encrypted vault: the key envelope, the
// records kept in an encrypted Badger database, their revisions, an
// in-memory search index, encrypted backups, and plaintext export/import.
//
// A data directory holds:
//
//	vault.key   the key envelope (versioned JSON): the data key (DEK)
//	            wrapped once per way to unlock (passphrase, recovery code)
//	db/         the Badger database, encrypted at rest with a key derived
//	            from the DEK; every value is sealed again with
//	            XChaCha20-Poly1305 so damage and tampering are detected
//	backups/    automatic encrypted backups (daily, last 7 kept)
//	hearth.lock the desktop app's instance lock (see LockDir)
//	outbox      (Windows) fsynced write-ahead copy of recent writes, since
//	            Badger cannot sync its memory-mapped files there; removed
//	            on a clean Close, replayed on Open after a crash
//
// Nothing in this package ever logs user text, record keys or key material.
package journal
