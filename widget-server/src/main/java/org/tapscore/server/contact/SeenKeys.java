package org.tapscore.server.contact;

/**
 * The keys met so far in one file, to report a key that comes twice with the line it was first on. Kept as 64-bit
 * hashes in flat arrays (about 20 bytes a key, against some 120 for a {@code HashMap<String, Integer>}), so a
 * 100,000-row file needs 2–3 MB here. Two different keys share a 64-bit hash with a chance of about one in 10^9 at a
 * million rows; the cost of that would be one row wrongly reported as a repeat, which the person sees and can check.
 */
final class SeenKeys {
    private long[] hashes = new long[1 << 10];
    private int[] lines = new int[1 << 10];
    private int size;

    /** The line {@code key} was first seen on; 0 when it is new, and then it is remembered with {@code line}. */
    int firstLine(String key, int line) {
        if ((size + 1) * 4 > hashes.length * 3) {
            grow();
        }
        long hash = hash(key);
        int mask = hashes.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            if (hashes[i] == 0) {
                hashes[i] = hash;
                lines[i] = line;
                size++;
                return 0;
            }
            if (hashes[i] == hash) {
                return lines[i];
            }
        }
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldLines = lines;
        hashes = new long[oldHashes.length * 2];
        lines = new int[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldHashes[j] != 0) {
                int i = (int) oldHashes[j] & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                lines[i] = oldLines[j];
            }
        }
    }

    /** FNV-1a over the UTF-16 units, then the SplitMix64 finaliser so that every bit depends on every input bit. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h; // 0 marks an empty slot
    }
}
