package org.tapscore.server.storage;

import org.tapscore.server.support.TestDatabases;

/** The storage contract on the embedded default, H2 in PostgreSQL mode. */
class H2StorageTest extends StorageContract {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
