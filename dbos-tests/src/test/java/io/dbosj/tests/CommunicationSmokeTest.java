package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.NoSuchWorkflowException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.TalkDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One pass through messages, events and streams, in process and through a client. */
class CommunicationSmokeTest {

  @BothDatabases
  void messagesEventsAndStreamsGoWhereTheyAreSent(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      TalkDurable talk = new TalkDurable(dbos);
      dbos.launch();
      WorkflowHandle<List<String>> receiver = talk.start(StartOptions.id("receiver")).receive(4, 20_000);
      assertThat(dbos.getWorkflowEvent("receiver", "status", Duration.ofSeconds(10), String.class)).contains("waiting");
      talk.start(StartOptions.id("sender")).sendAll("receiver", List.of("a", "b")).getResult();
      dbos.sendMessage("receiver", "c", "inbox", "key-1");
      dbos.sendMessage("receiver", "c-again", "inbox", "key-1");
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        client.send("receiver", "d", "inbox");
        assertThat(receiver.getResult()).containsExactly("a", "b", "c", "d");
        assertThat(client.getEvent("receiver", "status", Duration.ofSeconds(1), String.class)).contains("done");
        assertThatThrownBy(() -> client.send("nobody", "x", null)).isInstanceOf(NoSuchWorkflowException.class);

        talk.start(StartOptions.id("streamer")).stream(5);
        try (Stream<Integer> numbers = client.readStream("streamer", "numbers", Integer.class)) {
          assertThat(numbers.collect(Collectors.toList())).containsExactly(0, 1, 2, 3, 4);
        }
        try (Stream<Integer> numbers = dbos.readStream("streamer", "numbers", 3, Integer.class)) {
          assertThat(numbers.collect(Collectors.toList())).containsExactly(3, 4);
        }
      }
      assertThat(db.stepsWithoutWaits("receiver")).startsWith("0:DBOS.setEvent", "1:DBOS.recv", "3:DBOS.recv");
    }
  }
}
