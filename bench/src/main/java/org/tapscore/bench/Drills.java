package org.tapscore.bench;

import java.nio.file.Path;

public final class Drills {
    private Drills() {
    }

    static boolean runAll(boolean pgRestart, Path out) {
        return false;
    }
}
