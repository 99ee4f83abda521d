// A minimal Java client for the cuishou-guard sidecar (docs/sidecar.md): posts a JSON file holding
// { "context": …, "action": … } to /v1/check and prints the outcome. Java 11+, no dependencies; the JSON
// is handled as text (a real client would use its usual JSON library and map the Decision to a class).
//
//   javac -d out examples/java/CheckClient.java && java -cp out CheckClient http://127.0.0.1:8181 examples/data/check-request.json
//   java examples/java/CheckClient.java http://127.0.0.1:8181 examples/data/check-request.json   (single-file launch)
//
// Set CUISHOU_GUARD_TOKEN when the sidecar runs with --token-file. Exit code: 0 allow, 1 deny, 2 error.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class CheckClient {
    // The Decision's first key is its outcome: "allow" or "deny".
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"(allow|deny)\"");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java CheckClient <sidecar base URL> <request.json>");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String body = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/check"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String token = System.getenv("CUISHOU_GUARD_TOKEN");
        if (token != null && !token.isEmpty()) request.header("Authorization", "Bearer " + token);

        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher outcome = OUTCOME.matcher(response.body());
        // 200: a decision; 400: an invalid-input deny (the body says what is wrong); anything else: an error.
        if ((response.statusCode() == 200 || response.statusCode() == 400) && outcome.find()) {
            System.out.println(outcome.group(1));
            if (response.statusCode() == 400) System.err.println("invalid input: " + response.body());
            System.exit(outcome.group(1).equals("allow") && response.statusCode() == 200 ? 0 : response.statusCode() == 400 ? 2 : 1);
        }
        System.err.println("HTTP " + response.statusCode() + ": " + response.body());
        System.exit(2);
    }
}
