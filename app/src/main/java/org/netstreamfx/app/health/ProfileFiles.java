package org.netstreamfx.app.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.health.Profiles;

/**
 * {@code --profile}: a built-in health profile by name, or a user's JSON file read with Jackson
 * (the engine takes a plain map: it does not depend on Jackson) and checked by
 * {@link Profiles#fromMap}; every mistake is an IllegalArgumentException naming the file and what
 * is wrong.
 */
public final class ProfileFiles {
    private ProfileFiles() {
    }

    /** {@link #resolve}, or null once "nsfx COMMAND: what is wrong" is printed to System.err (the command exits 2). */
    public static Profile resolveOrExplain(String nameOrFile, String command) {
        try {
            return resolve(nameOrFile);
        } catch (IllegalArgumentException e) {
            System.err.println("nsfx " + command + ": " + e.getMessage());
            return null;
        }
    }

    /** The built-in profile {@code nameOrFile} names, or the one its JSON file holds. */
    @SuppressWarnings("unchecked")
    public static Profile resolve(String nameOrFile) {
        var builtIn = Profiles.builtIn(nameOrFile);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--profile takes " + String.join(", ", Profiles.builtInNames())
                    + " or a JSON file; there is no file " + nameOrFile);
        }
        Object json;
        try {
            json = new ObjectMapper().readValue(file.toFile(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(file + " must hold one JSON object");
        }
        try {
            return Profiles.fromMap((Map<String, Object>) m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
