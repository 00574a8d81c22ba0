package io.dbosj.tests.support;

import io.dbosj.DBOS;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls a DBOS's admin server over HTTP as a DBOS tool does: JSON bodies with their content type. */
public final class AdminHttp {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final DBOS dbos;

  public AdminHttp(DBOS dbos) {
    this.dbos = dbos;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  /** A POST with a JSON body ({@code null}: none, no content type). */
  public HttpResponse<String> post(String path, String json) throws Exception {
    return send("POST", path, json, json == null ? null : "application/json");
  }

  public HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dbos.adminPort() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a 200 answer, parsed. */
  public JsonNode ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError("expected 200, got " + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }

  public static JsonNode parse(String json) {
    return JSON.readTree(json);
  }
}
