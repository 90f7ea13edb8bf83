import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's health check command: exits 0 when the URL (argument, else $HEALTH_URL) answers 2xx
 * within two seconds. The images carry no shell or curl, so the check runs on the image's own JRE.
 */
public final class HttpProbe {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : System.getenv("HEALTH_URL");
        if (url == null || url.isBlank()) {
            System.err.println("HttpProbe: pass the URL to probe, or set HEALTH_URL");
            System.exit(2);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(2_000);
            int status = connection.getResponseCode();
            System.out.println(url + " -> " + status);
            System.exit(status >= 200 && status < 300 ? 0 : 1);
        } catch (java.io.IOException e) {
            System.out.println(url + " -> " + e);
            System.exit(1);
        }
    }
}
