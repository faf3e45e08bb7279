package org.tapscore.server.storage;

import org.tapscore.server.support.TestDatabases;

/** The storage contract on a real PostgreSQL (a fresh schema per run); under CI=true it is never skipped. */
class PostgresStorageTest extends StorageContract {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
