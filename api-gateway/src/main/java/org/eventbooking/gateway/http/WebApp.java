package org.eventbooking.gateway.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Header;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the built web app ({@code frontend/dist}) at {@code /}, as nginx does in production. The
 * bundler puts a content hash in every name under {@code assets/}, so those are cached for a year;
 * everything else ({@code index.html}) is revalidated on each load, so a deploy is seen at once.
 */
public final class WebApp {

    public static final String ASSETS_PATH = "/assets";
    public static final String HASHED_ASSET_CACHING = "public, max-age=31536000, immutable";
    public static final String REVALIDATE = "no-cache";

    private WebApp() {
    }

    public static void install(JavalinConfig config, Path root) {
        Path assets = root.resolve(ASSETS_PATH.substring(1));
        if (Files.isDirectory(assets)) {
            config.staticFiles.add(files -> {
                files.hostedPath = ASSETS_PATH;
                files.directory = assets.toAbsolutePath().toString();
                files.location = Location.EXTERNAL;
                files.headers = Map.of(Header.CACHE_CONTROL, HASHED_ASSET_CACHING);
            });
        }
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = root.toAbsolutePath().toString();
            files.location = Location.EXTERNAL;
            files.headers = Map.of(Header.CACHE_CONTROL, REVALIDATE);
            files.skipFileFunction = request -> request.getRequestURI().startsWith(ASSETS_PATH + "/");
        });
    }
}
