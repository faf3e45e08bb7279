/**
 * The Tapscore Java SDK: invite customers to answer "How likely is it that you would recommend us?", record their
 * 0–10 answers, and read scores back.
 *
 * <ul>
 *   <li>{@link org.tapscore.sdk.TapscoreClient} – the client; build one with
 *       {@link org.tapscore.sdk.TapscoreClient#builder()} and share it.</li>
 *   <li>{@link org.tapscore.sdk.Outbox} – a durable queue that delivers answers in the background and survives
 *       crashes.</li>
 *   <li>{@link org.tapscore.sdk.WebhookVerifier} – checks the signature of Tapscore's alert webhooks.</li>
 *   <li>{@link org.tapscore.sdk.TapscoreException} – the one exception type, with subclasses by meaning.</li>
 *   <li>{@link org.tapscore.sdk.Transport} and {@link org.tapscore.sdk.Sleeper} – the seams for a different HTTP
 *       client and for tests.</li>
 * </ul>
 *
 * <pre>{@code
 * TapscoreClient tapscore = TapscoreClient.builder()
 *         .baseUrl("https://tapscore.example.com")
 *         .apiKey(System.getenv("TAPSCORE_API_KEY"))
 *         .build();
 * RecordedResponse answer = tapscore.record("after-order", 9);
 * }</pre>
 *
 * <p>Runtime dependencies: the JDK (17 or newer, {@code java.net.http}) and Jackson only.
 */
package org.tapscore.sdk;
