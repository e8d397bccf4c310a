package dev.bertlab.engine.data.importing;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Text files must be UTF-8: a file in another encoding would import as garbled text without any error, so every
 * byte sequence is checked first and each invalid one reported with its line and byte offset.
 */
final class Utf8Check {

    private static final int BUFFER_BYTES = 1 << 16;

    private Utf8Check() {
    }

    /** Reports each invalid UTF-8 sequence; returns whether the file is valid. */
    static boolean check(Path file, String fileLabel, ProblemCollector problems) throws IOException {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES);
        CharBuffer out = CharBuffer.allocate(BUFFER_BYTES);
        long bufferStart = 0;
        long line = 1;
        int invalid = 0;
        try (FileChannel channel = FileChannel.open(file)) {
            boolean endOfInput = false;
            while (true) {
                endOfInput = channel.read(in) < 0;
                in.flip();
                while (true) {
                    CoderResult result = decoder.decode(in, out, endOfInput);
                    line += countLineFeeds(out);
                    if (result.isError()) {
                        long offset = bufferStart + in.position();
                        problems.add(fileLabel, line, null, "invalid UTF-8 at byte offset " + offset + " (bytes "
                                + hex(in, result.length()) + "); the file must be saved as UTF-8");
                        invalid++;
                        in.position(in.position() + result.length());
                    } else if (result.isUnderflow()) {
                        break;
                    }
                }
                if (endOfInput) {
                    decoder.flush(out);
                    break;
                }
                bufferStart += in.position();
                in.compact();
            }
        }
        return invalid == 0;
    }

    /** A reader that fails on invalid UTF-8 instead of replacing it, skipping a leading byte order mark. */
    static BufferedReader openReader(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        in.mark(3);
        byte[] head = in.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.reset();
        }
        return new BufferedReader(new InputStreamReader(in, strictDecoder()), BUFFER_BYTES);
    }

    static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int countLineFeeds(CharBuffer out) {
        out.flip();
        int count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }

    private static String hex(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(in.position(), bytes);
        return HexFormat.ofDelimiter(" ").withPrefix("0x").formatHex(bytes);
    }
}
