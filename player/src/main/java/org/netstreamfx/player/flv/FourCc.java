package org.netstreamfx.player.flv;

/** FourCC text helpers. */
final class FourCc {
    private FourCc() {
    }

    static String text(int value) {
        char[] c = {(char) ((value >>> 24) & 0xFF), (char) ((value >>> 16) & 0xFF),
            (char) ((value >>> 8) & 0xFF), (char) (value & 0xFF)};
        return new String(c);
    }

    /** The text with non-printable characters shown as '?', for messages. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }
}
