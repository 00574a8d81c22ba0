package io.dbosj.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.examples.support.AppProcess;
import io.dbosj.examples.support.ExampleDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tutorial's approval part as a person runs it, on SQLite and on PostgreSQL: submit an
 * expense, kill the app while it waits, start it again and approve; let another one time out, in
 * one process or across a kill; decide twice, or both ways at once, or on an ID that is no
 * expense.
 */
class ApprovalAppTest {
  private static final String EXPENSE = "employee=Ada&item=Train+to+Lyon&amount=120";
  private static final String ASKED = "Approval requested: 120 EUR to Ada for Train to Lyon";
  private static final String PAID = "Paid 120 EUR to Ada for Train to Lyon";

  @ParameterizedTest
  @EnumSource(ExampleDatabase.Kind.class)
  void killedWhileAReviewWaitsTheApprovalSentAfterTheRestartCompletesItWithoutAskingAgain(
      ExampleDatabase.Kind kind, @TempDir Path dir) throws Exception {
    ExampleDatabase db = ExampleDatabase.fresh(kind, dir, "approval");
    AppProcess first = start(dir, db, "PT10M");
    HttpResponse<String> submitted = first.post("/expenses", EXPENSE, "expense-1");
    assertThat(submitted.statusCode()).isEqualTo(201);
    assertThat(submitted.body()).isEqualTo("Expense expense-1: waiting\n");
    first.kill();
    assertThat(AppProcess.count(first.output(), ASKED)).isEqualTo(1);
    assertThat(steps(db, "expense-1")).startsWith("0:askForApproval", "1:DBOS.setEvent").doesNotContain("4:pay");

    AppProcess second = start(dir, db, "PT10M");
    try {
      assertThat(second.get("/status/expense-1", null).get().body()).isEqualTo("Expense expense-1: waiting\n");
      HttpResponse<String> approved = second.post("/approve/expense-1", "", null);
      assertThat(approved.statusCode()).isEqualTo(200);
      assertThat(approved.body()).isEqualTo("Expense expense-1: approved. " + PAID + "\n");
      assertThat(second.get("/status/expense-1", null).get().body())
          .isEqualTo("Expense expense-1: approved. " + PAID + "\n");
    } finally {
      second.terminate();
    }

    assertThat(second.output()).doesNotContain(ASKED);
    assertThat(AppProcess.count(second.output(), PAID)).isEqualTo(1);
    assertThat(steps(db, "expense-1"))
        .containsExactly(
            "0:askForApproval", "1:DBOS.setEvent", "2:DBOS.recv", "3:DBOS.sleep", "4:pay", "5:DBOS.setEvent");
    assertThat(db.rows("SELECT topic, consumed FROM {dbos}notifications WHERE destination_uuid = ?", "expense-1"))
        .as("one message, consumed")
        .hasSize(1)
        .allSatisfy(row -> assertThat(row).matches("decision:(1|t|true)"));
  }

  @ParameterizedTest
  @EnumSource(ExampleDatabase.Kind.class)
  void aReviewWithNoDecisionInTimeEndsTimedOutUnpaidAndRefusesALateApproval(
      ExampleDatabase.Kind kind, @TempDir Path dir) throws Exception {
    ExampleDatabase db = ExampleDatabase.fresh(kind, dir, "approval");
    AppProcess app = start(dir, db, "PT2S");
    try {
      assertThat(app.post("/expenses", EXPENSE, "expense-2").body()).isEqualTo("Expense expense-2: waiting\n");
      app.awaitOutput(out -> out.contains("Expense expense-2 timed out"), 30);

      assertThat(app.get("/status/expense-2", null).get().body())
          .isEqualTo("Expense expense-2: timed out. No decision in time: not paid 120 EUR to Ada for Train to Lyon\n");
      HttpResponse<String> late = app.post("/approve/expense-2", "", null);
      assertThat(late.statusCode()).isEqualTo(409);
      assertThat(late.body()).isEqualTo("Expense expense-2 is already timed out\n");
    } finally {
      app.terminate();
    }
    assertThat(app.output()).doesNotContain(PAID);
    assertThat(steps(db, "expense-2"))
        .containsExactly("0:askForApproval", "1:DBOS.setEvent", "2:DBOS.recv", "3:DBOS.sleep", "4:DBOS.setEvent");
  }

  @ParameterizedTest
  @EnumSource(ExampleDatabase.Kind.class)
  void aReviewRecoveredAfterAKillKeepsTheDeadlineItRecordedNotTheRestartedAppsTimeout(
      ExampleDatabase.Kind kind, @TempDir Path dir) throws Exception {
    ExampleDatabase db = ExampleDatabase.fresh(kind, dir, "approval");
    AppProcess first = start(dir, db, "PT6S");
    assertThat(first.post("/expenses", EXPENSE, "expense-4").body()).isEqualTo("Expense expense-4: waiting\n");
    first.kill();

    AppProcess second = start(dir, db, "PT10M");
    try {
      // a wait begun afresh would last ten minutes
      second.awaitOutput(out -> out.contains("Expense expense-4 timed out"), 60);
    } finally {
      second.terminate();
    }
    assertThat(second.output()).doesNotContain(ASKED);
  }

  /** One app serves the wrong requests, each answered with what it says: starting an app per case cost the suite minutes. */
  @ParameterizedTest
  @EnumSource(ExampleDatabase.Kind.class)
  void wrongRequestsAreAnswered400Or404Or409AndOfTwoRacingDecisionsOneWins(ExampleDatabase.Kind kind, @TempDir Path dir)
      throws Exception {
    ExampleDatabase db = ExampleDatabase.fresh(kind, dir, "approval");
    AppProcess app = start(dir, db, "PT10M");
    try {
      anExpenseWithoutAWholePositiveAmountIsRefusedWith400SayingWhatToSend(db, app);
      aDecidedExpenseAnswers409ToASecondDecisionAndAnIdOfNoExpense404(app);
      ofAnApprovalAndARejectionSentAtOnceOneWinsAndTheOtherIsToldWhichWith409(db, app);
    } finally {
      app.terminate();
    }
    assertThat(app.output()).doesNotContain("Exception");
  }

  private static void aDecidedExpenseAnswers409ToASecondDecisionAndAnIdOfNoExpense404(AppProcess app) throws Exception {
    app.post("/expenses", EXPENSE, "expense-3");
    HttpResponse<String> rejected = app.post("/reject/expense-3", "", null);
    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(rejected.body())
        .isEqualTo("Expense expense-3: rejected. Rejected: not paid 120 EUR to Ada for Train to Lyon\n");

    HttpResponse<String> again = app.post("/approve/expense-3", "", null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).isEqualTo("Expense expense-3 is already rejected\n");
    for (String request : List.of("/approve/no-such-expense", "/reject/no-such-expense")) {
      HttpResponse<String> unknown = app.post(request, "", null);
      assertThat(unknown.statusCode()).as(request).isEqualTo(404);
      assertThat(unknown.body()).as(request).isEqualTo("No expense no-such-expense\n");
    }
    HttpResponse<String> unknownStatus = app.get("/status/no-such-expense", null).get();
    assertThat(unknownStatus.statusCode()).isEqualTo(404);
    assertThat(unknownStatus.body()).isEqualTo("No expense no-such-expense\n");
  }

  private static void ofAnApprovalAndARejectionSentAtOnceOneWinsAndTheOtherIsToldWhichWith409(
      ExampleDatabase db, AppProcess app) throws Exception {
    app.post("/expenses", EXPENSE, "expense-5");
    CompletableFuture<HttpResponse<String>> approve = postInBackground(app, "/approve/expense-5");
    CompletableFuture<HttpResponse<String>> reject = postInBackground(app, "/reject/expense-5");
    List<HttpResponse<String>> answers = List.of(approve.get(), reject.get());

    String winner = db.rows("SELECT value FROM {dbos}workflow_events WHERE workflow_uuid = 'expense-5'").get(0);
    assertThat(winner).isIn("\"approved\"", "\"rejected\"");
    assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
    assertThat(answers)
        .filteredOn(answer -> answer.statusCode() == 409)
        .singleElement()
        .extracting(HttpResponse::body)
        .isEqualTo("Expense expense-5 is already " + winner.replace("\"", "") + "\n");
    assertThat(db.rows("SELECT message_uuid FROM {dbos}notifications WHERE destination_uuid = 'expense-5'"))
        .as("one decision message per expense")
        .containsExactly("decision::expense-5");
  }

  private static void anExpenseWithoutAWholePositiveAmountIsRefusedWith400SayingWhatToSend(
      ExampleDatabase db, AppProcess app) throws Exception {
    HttpResponse<String> missing = app.post("/expenses", "employee=Ada&item=Train", null);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body())
        .isEqualTo(
            "An expense needs an employee, an item and an amount:"
                + " send -d employee=Ada -d 'item=Train to Lyon' -d amount=120\n");
    HttpResponse<String> notANumber = app.post("/expenses", "employee=Ada&item=Train&amount=12.50", null);
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).startsWith("The amount must be a positive whole number of euros, not '12.50'");
    assertThat(db.rows("SELECT workflow_uuid FROM {dbos}workflow_status")).isEmpty();
  }

  private static AppProcess start(Path dir, ExampleDatabase db, String timeout) throws Exception {
    Map<String, String> environment = new HashMap<>(db.environment());
    environment.put("APPROVAL_TIMEOUT", timeout);
    return AppProcess.start(ApprovalApp.class, dir, environment);
  }

  private static CompletableFuture<HttpResponse<String>> postInBackground(AppProcess app, String path) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return app.post(path, "", null);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
  }

  private static List<String> steps(ExampleDatabase db, String workflowId) throws Exception {
    return db.rows(
        "SELECT function_id, function_name FROM {dbos}operation_outputs WHERE workflow_uuid = ? ORDER BY function_id",
        workflowId);
  }
}
