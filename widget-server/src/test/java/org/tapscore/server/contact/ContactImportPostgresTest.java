package org.tapscore.server.contact;

import org.junit.jupiter.api.BeforeAll;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

/**
 * Every contact-import case again on PostgreSQL: the lookups bind one array parameter ({@code = any(?)}), whose
 * typing and planning differ between the two databases.
 */
class ContactImportPostgresTest extends ContactImportTest {
    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.Kind.POSTGRES);
    }
}
