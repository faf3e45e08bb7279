package org.tapscore.kiosk;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runtime runs on the Java 17 that stand PCs' distributions ship. */
class Java17Test {
    @Test
    void runtimeClassesAreJava17ClassFiles() throws IOException {
        for (Class<?> type : new Class<?>[] {KioskMain.class, KioskRuntime.class, BrowserSupervisor.class,
                LocalServer.class, ViewCache.class, KioskOptions.class}) {
            try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class");
                 DataInputStream data = new DataInputStream(in)) {
                data.readInt();
                data.readUnsignedShort();
                assertEquals(61, data.readUnsignedShort(), type.getName());
            }
        }
    }
}
