package org.netstreamfx.player.sharedobject;

import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.sharedobject.SharedObject;
import org.netstreamfx.player.sharedobject.SharedObjectFile;
import org.netstreamfx.player.sharedobject.SharedObjectStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfBombs;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfEcmaArray;
import org.netstreamfx.player.amf.AmfValue.AmfStrictArray;
import org.netstreamfx.player.amf.AmfValue.AmfString;

class SharedObjectTest {
    @TempDir
    Path dir;

    private final List<NetStatusEvent> events = new ArrayList<>();

    private SharedObject open(String name, boolean secure) {
        SharedObject so = SharedObjectStore.at(dir).getLocal(name, null, secure);
        so.addNetStatusListener(events::add);
        return so;
    }

    private List<String> codes() {
        return events.stream().map(NetStatusEvent::code).toList();
    }

    private static Map<String, Object> everyValueType() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("width", 1280.0);
        nested.put("recent", List.of("a.mp4", "rtmp://host/app/stream"));
        nested.put("empty", Map.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("volume", 0.75);
        data.put("negative", -1e300);
        data.put("name", "Grüße, 世界 🎬");
        data.put("long", "x".repeat(70_000));            // AMF0 long string
        data.put("empty", "");
        data.put("on", true);
        data.put("off", false);
        data.put("nothing", null);
        data.put("when", Instant.ofEpochMilli(1_700_000_000_123L));
        data.put("window", nested);
        data.put("list", Arrays.asList(1.0, "two", null, false, List.of(), List.of(3.0)));
        return data;
    }

    @Test
    void everyValueTypeSurvivesAFlushAndAFreshStore() throws Exception {
        SharedObject so = open("settings", false);
        so.data().putAll(everyValueType());
        assertEquals(SharedObject.FlushStatus.FLUSHED, so.flush());

        assertEquals(List.of("SharedObject.Flush.Success"), codes());
        assertEquals(dir.resolve("settings.sol").toString(), events.get(0).details());
        byte[] file = Files.readAllBytes(dir.resolve("settings.sol"));
        assertEquals("NSSO", new String(file, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(1, file[4]);
        assertEquals(0, file[5], "not secure");
        assertEquals(file.length - 10, ByteBuffer.wrap(file, 6, 4).getInt());
        assertEquals(file.length, so.size());
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");

        SharedObject again = SharedObjectStore.at(dir).getLocal("settings");
        assertEquals(everyValueType(), again.data());
        assertTrue(again.loadProblem().isEmpty());
    }

    @Test
    void integersComeBackAsDoublesAndTheSameStoreGivesTheSameObject() {
        SharedObjectStore store = SharedObjectStore.at(dir);
        SharedObject so = store.getLocal("prefs", "/app/player/");
        assertSame(so, store.getLocal("prefs", "app/player"));
        so.data().put("count", 3);
        so.data().put("big", 5_000_000_000L);
        so.flush();
        assertTrue(Files.exists(dir.resolve("app/player/prefs.sol")));
        assertEquals(Map.of("count", 3.0, "big", 5e9), SharedObjectStore.at(dir).getLocal("prefs", "app/player").data());
    }

    @Test
    void flushToAnUnwritableFolderIsFlushFailedNamingThePath() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        SharedObject so = SharedObjectStore.at(notAFolder.resolve("SharedObjects")).getLocal("settings");
        so.addNetStatusListener(events::add);
        so.data().put("volume", 1.0);

        assertEquals(SharedObject.FlushStatus.FAILED, so.flush());

        assertEquals(List.of("SharedObject.Flush.Failed"), codes());
        NetStatusEvent failed = events.get(0);
        assertEquals(StatusLevel.ERROR, failed.level());
        assertTrue(failed.description().contains(notAFolder.resolve("SharedObjects").resolve("settings.sol").toString()),
                failed.description());
        assertTrue(failed.description().contains("FileSystemException") || failed.description().contains("Exception"),
                failed.description());
    }

    @Test
    void aValueWithNoAmfFormIsFlushFailedNamingTheKey() {
        SharedObject so = open("settings", false);
        so.data().put("thread", new Object());
        assertEquals(SharedObject.FlushStatus.FAILED, so.flush());
        assertEquals(List.of("SharedObject.Flush.Failed"), codes());
        assertTrue(events.get(0).description().contains("data key 'thread'"), events.get(0).description());
        assertFalse(Files.exists(dir.resolve("settings.sol")));
    }

    @Test
    void nestingDeeperThanTheAmfLimitIsFlushFailed() {
        SharedObject so = open("deep", false);
        List<Object> v = List.of();
        for (int i = 0; i < 80; i++) {
            v = List.of(v);
        }
        so.data().put("deep", v);
        assertEquals(SharedObject.FlushStatus.FAILED, so.flush());
        assertTrue(events.get(0).description().contains("depth"), events.get(0).description());
    }

    @Test
    void anObjectOverTheSizeLimitIsFlushFailed() {
        SharedObject so = open("big", false);
        so.data().put("blob", "y".repeat(SharedObject.MAX_FILE_BYTES));
        assertEquals(SharedObject.FlushStatus.FAILED, so.flush());
        assertTrue(events.get(0).description().contains("over the limit of 1048576"), events.get(0).description());
    }

    @Test
    void aFileCutAtEveryOffsetIsBadPersistenceWithABackupAndEmptyData() throws Exception {
        SharedObject so = SharedObjectStore.at(dir).getLocal("settings");
        so.data().put("volume", 0.5);
        so.data().put("recent", List.of("a", "b"));
        so.flush();
        byte[] whole = Files.readAllBytes(so.file());

        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            Files.write(so.file(), part);
            events.clear();
            SharedObject read = open("settings", false);

            assertEquals(Map.of(), read.data(), "cut at " + cut);
            assertEquals(List.of("SharedObject.BadPersistence"), codes(), "cut at " + cut);
            String description = events.get(0).description();
            assertTrue(description.contains(so.file().toString()), description);
            assertTrue(description.contains("settings.sol.bad"), description);
            assertArrayEquals(part, Files.readAllBytes(dir.resolve("settings.sol.bad")), "backup at " + cut);
            assertFalse(Files.exists(so.file()), "the bad file was moved away");
        }
    }

    @Test
    void corruptContentIsBadPersistenceSayingWhatWasWrongAndTheNextFlushWritesAFreshFile() throws Exception {
        Path file = dir.resolve("settings.sol");
        Files.writeString(file, "{\"volume\": 1}  not an AMF file at all");
        SharedObject so = open("settings", false);

        assertEquals(List.of("SharedObject.BadPersistence"), codes());
        assertTrue(events.get(0).description().contains("magic"), events.get(0).description());
        assertTrue(so.loadProblem().isPresent());
        so.data().put("volume", 1.0);
        assertEquals(SharedObject.FlushStatus.FLUSHED, so.flush());
        assertEquals(Map.of("volume", 1.0), SharedObjectStore.at(dir).getLocal("settings").data());
        assertTrue(Files.readString(dir.resolve("settings.sol.bad")).startsWith("{\"volume\""));
    }

    @Test
    void wrongNameTrailingBytesUnknownFlagsAndDeepNestingAreBadPersistence() throws Exception {
        byte[] good = SharedObjectFile.encode("settings", false, Map.of("a", 1.0));
        byte[] otherName = SharedObjectFile.encode("other", false, Map.of("a", 1.0));
        byte[] trailing = withBody(Amf0Writer.encode(new AmfString("settings"), new AmfEcmaArray(Map.of()),
                new AmfString("extra")), 0);
        byte[] flags = good.clone();
        flags[5] = 0x02;
        AmfValue deep = new AmfStrictArray(List.of());
        for (int i = 0; i < 100; i++) {
            deep = new AmfStrictArray(List.of(deep));
        }
        Amf0Writer deepWriter = new Amf0Writer(200);
        deepWriter.write(new AmfString("settings")).write(new AmfEcmaArray(Map.of("d", deep)));
        byte[] tooDeep = withBody(deepWriter.toByteArray(), 0);
        byte[] tooBig = new byte[SharedObject.MAX_FILE_BYTES + 1];
        System.arraycopy(good, 0, tooBig, 0, good.length);

        Map<byte[], String> cases = new LinkedHashMap<>();
        cases.put(otherName, "shared object name is \"other\"");
        cases.put(trailing, "bytes after its data");
        cases.put(flags, "shared object flags is 2");
        cases.put(tooDeep, "depth");
        cases.put(tooBig, "shared object file size is 1048577, over the limit of 1048576");
        for (Map.Entry<byte[], String> c : cases.entrySet()) {
            Files.write(dir.resolve("settings.sol"), c.getKey());
            events.clear();
            SharedObject so = open("settings", false);
            assertEquals(Map.of(), so.data());
            assertEquals(List.of("SharedObject.BadPersistence"), codes());
            assertTrue(events.get(0).description().contains(c.getValue()), events.get(0).description());
            assertTrue(Files.exists(dir.resolve("settings.sol.bad")));
        }
    }

    @Test
    void aFileWhoseReferencesExpandPastTheLimitIsBadPersistenceNamingTheLimit() throws Exception {
        // The ECMA array of the data is AMF0 reference 0, so the bomb's array is reference 1.
        byte[] body = concat(Amf0Writer.encode(new AmfString("settings")), new byte[] {0x08, 0, 0, 0, 1, 0, 4},
                "bomb".getBytes(StandardCharsets.US_ASCII), AmfBombs.amf0(1), new byte[] {0, 0, 0x09});
        Files.write(dir.resolve("settings.sol"), withBody(body, 0));

        SharedObject so = open("settings", false);

        assertEquals(List.of("SharedObject.BadPersistence"), codes());
        assertTrue(events.get(0).description().contains(AmfBombs.OVER_LIMIT), events.get(0).description());
        assertEquals(Map.of(), so.data());
        assertTrue(Files.exists(dir.resolve("settings.sol.bad")));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] withBody(byte[] body, int flags) {
        return ByteBuffer.allocate(10 + body.length).put("NSSO".getBytes(StandardCharsets.US_ASCII)).put((byte) 1)
                .put((byte) flags).putInt(body.length).put(body).array();
    }

    @Test
    void aSecureFlagOtherThanTheCreatorsIsBadPersistenceAndLeavesTheStoredObjectAlone() throws Exception {
        SharedObject created = SharedObjectStore.at(dir).getLocal("settings", null, false);
        created.data().put("volume", 0.25);
        created.flush();
        byte[] stored = Files.readAllBytes(created.file());

        SharedObject secure = open("settings", true);
        assertEquals(List.of("SharedObject.BadPersistence"), codes());
        assertTrue(events.get(0).description().contains("created with secure=false"), events.get(0).description());
        assertEquals(Map.of(), secure.data());
        secure.data().put("volume", 1.0);
        assertEquals(SharedObject.FlushStatus.FAILED, secure.flush());
        secure.clear();
        assertEquals(List.of("SharedObject.BadPersistence", "SharedObject.Flush.Failed"), codes());
        assertArrayEquals(stored, Files.readAllBytes(created.file()), "the stored object is untouched");
        assertFalse(Files.exists(dir.resolve("settings.sol.bad")), "a conflict is not corruption");

        assertEquals(Map.of("volume", 0.25), SharedObjectStore.at(dir).getLocal("settings", null, false).data());
    }

    @Test
    void theSecureFlagIsStoredAndAnOpenObjectConflictsToo() throws Exception {
        SharedObjectStore store = SharedObjectStore.at(dir);
        SharedObject secure = store.getLocal("vault", null, true);
        secure.data().put("k", "v");
        secure.flush();
        assertEquals(SharedObjectFile.FLAG_SECURE, Files.readAllBytes(secure.file())[5]);
        assertEquals(Map.of("k", "v"), SharedObjectStore.at(dir).getLocal("vault", null, true).data());

        SharedObject other = store.getLocal("vault", null, false);
        assertNotSame(secure, other);
        assertTrue(other.loadProblem().orElseThrow().is(NetStatusCode.SHAREDOBJECT_BADPERSISTENCE));
        assertSame(secure, store.getLocal("vault", null, true));
    }

    @Test
    void connectingToAConnectionWithAnotherUriIsUriMismatch() {
        SharedObject so = open("settings", false);
        NetConnection notConnected = new NetConnection(Runnable::run);
        NetStatusEvent mismatch = so.connect(notConnected).orElseThrow();
        assertEquals("SharedObject.UriMismatch", mismatch.code());
        assertEquals(StatusLevel.ERROR, mismatch.level());
        assertTrue(mismatch.description().contains("not connected"), mismatch.description());
        assertEquals(List.of("SharedObject.UriMismatch"), codes());

        NetConnection local = new NetConnection(Runnable::run);
        local.connect(null);
        assertTrue(so.connect(local).isEmpty(), "a local object belongs to connect(null)");
        assertEquals(SharedObject.LOCAL_URI, so.uri());
        assertEquals(1, events.size());
    }

    @Test
    void eventsOfGetLocalWaitForTheFirstListenerAndRunOnTheStoresExecutor() throws Exception {
        Files.writeString(dir.resolve("settings.sol"), "garbage");
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-callbacks"));
        try {
            SharedObject so = SharedObjectStore.at(dir, callbacks).getLocal("settings");
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            so.addNetStatusListener(e -> seen.add(Thread.currentThread().getName() + " " + e.code()));
            so.flush(callbacks).get(5, TimeUnit.SECONDS);
            callbacks.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertEquals(List.of("test-callbacks SharedObject.BadPersistence", "test-callbacks SharedObject.Flush.Success"),
                    seen);
        } finally {
            callbacks.shutdownNow();
        }
    }

    @Test
    void clearEmptiesTheDataAndDeletesTheFile() {
        SharedObject so = open("settings", false);
        so.data().put("a", "b");
        so.flush();
        assertTrue(Files.exists(so.file()));
        so.clear();
        assertEquals(Map.of(), so.data());
        assertFalse(Files.exists(so.file()));
        assertEquals(Map.of(), SharedObjectStore.at(dir).getLocal("settings").data());
    }

    @Test
    void namesThatCouldLeaveTheFolderAreRefused() {
        SharedObjectStore store = SharedObjectStore.at(dir);
        for (String bad : List.of("", "../up", "a/../../b", "/abs", "a b", "c:d", "x\\y", "a//b", "n".repeat(256))) {
            assertThrows(IllegalArgumentException.class, () -> store.getLocal(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> store.getLocal("ok", "../elsewhere"));
        assertEquals(dir.resolve("games/level.2.sol"), store.fileOf("level.2", "games"));
    }

    @Test
    void theUserConfigFolderFollowsEachPlatformsRule() {
        Path home = Path.of("/home/ann");
        assertEquals(Path.of("/xdg"), SharedObjectStore.userConfigFolder("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home));
        assertEquals(home.resolve(".config"), SharedObjectStore.userConfigFolder("Linux", Map.of("XDG_CONFIG_HOME", "rel"), home));
        assertEquals(home.resolve(".config"), SharedObjectStore.userConfigFolder("Linux", Map.of(), home));
        assertEquals(home.resolve("Library/Application Support"), SharedObjectStore.userConfigFolder("Mac OS X", Map.of(), home));
        assertEquals(Path.of("C:/Users/ann/AppData/Roaming"),
                SharedObjectStore.userConfigFolder("Windows 11", Map.of("APPDATA", "C:/Users/ann/AppData/Roaming"), home));
        assertEquals(home.resolve("AppData/Roaming"), SharedObjectStore.userConfigFolder("Windows 10", Map.of(), home));
        assertTrue(SharedObjectStore.inUserConfig("NetStreamFX").folder().endsWith(Path.of("NetStreamFX", "SharedObjects")));
    }
}
