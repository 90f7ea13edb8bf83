package org.eventbooking.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * An image tarball as Jib's buildTar writes it (the {@code docker save} layout: manifest.json, the
 * config JSON, one gzipped tar per layer), read with a minimal tar reader.
 */
final class ImageTarball {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TO_IMAGE = Pattern.compile("<to>\\s*<image>([^<:]+):");

    private final Map<String, byte[]> entries;

    private ImageTarball(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    /** The tarball a module under deployment/ built; fails with what to run when it is missing. */
    static ImageTarball of(String module) {
        Path tarball = Repository.root().resolve("deployment").resolve(module).resolve("target/jib-image.tar");
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException(tarball + " is missing: build it with mvn -pl deployment/" + module + " -am package -DskipTests");
        }
        try (InputStream in = Files.newInputStream(tarball)) {
            return new ImageTarball(read(in, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository (name without tag) the module's Jib configuration builds. */
    static String repositoryOf(String module) {
        Matcher matcher = TO_IMAGE.matcher(Repository.read("deployment/" + module + "/pom.xml"));
        if (!matcher.find()) {
            throw new IllegalStateException("deployment/" + module + "/pom.xml names no <to><image>");
        }
        return matcher.group(1);
    }

    JsonNode manifest() {
        return json("manifest.json").get(0);
    }

    /** The container config ({@code config} of the image config JSON): Entrypoint, User, ExposedPorts, ... */
    JsonNode containerConfig() {
        return json(manifest().get("Config").asText()).get("config");
    }

    /** Every path in every layer, as the layer tars name them (./ prefixes removed). */
    Set<String> layerPaths() {
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode layer : manifest().get("Layers")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(entries.get(layer.asText())))) {
                read(in, false).keySet().forEach(path -> paths.add(path.startsWith("./") ? path.substring(2) : path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paths;
    }

    private JsonNode json(String entry) {
        try {
            return JSON.readTree(entries.get(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a tar stream (ustar headers; GNU/PAX long names are not needed here) into name → content,
     * or name → empty when only the names are wanted (the layers are large).
     */
    private static Map<String, byte[]> read(InputStream stream, boolean keepContent) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        DataInputStream in = new DataInputStream(stream);
        byte[] header = new byte[512];
        while (true) {
            in.readFully(header);
            if (header[0] == 0) {
                return entries;
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            String octalSize = field(header, 124, 12).trim();
            long size = octalSize.isEmpty() ? 0 : Long.parseLong(octalSize, 8);
            byte[] content = new byte[0];
            if (keepContent) {
                content = new byte[(int) size];
                in.readFully(content);
            } else {
                in.skipNBytes(size);
            }
            in.skipNBytes((512 - size % 512) % 512);
            entries.put(prefix.isEmpty() ? name : prefix + "/" + name, content);
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
