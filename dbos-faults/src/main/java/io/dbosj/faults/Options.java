package io.dbosj.faults;

import java.nio.file.Path;
import java.util.List;

/** The command line; see dbos-faults/README.md. */
final class Options {
  String postgres = "postgresql://dbosj:dbosj@localhost:5432/dbosj_g";
  List<String> scenarios = List.of("kills", "outage", "takeover", "shared-id");
  List<String> databases = List.of("postgres", "sqlite");
  int kills = 20;
  int workflows = 200;
  long seed = System.nanoTime();
  int takeoverDeadlineSeconds = 90;
  int sharedSeconds = 15;
  int outageDeadlineSeconds = 60;
  Path postgresBin = Path.of("/usr/lib/postgresql/15/bin");
  int clusterPort = 55432;
  Path work;
  boolean ci;

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--ci" -> {
          o.ci = true;
          o.kills = 8;
          o.workflows = 60;
          o.takeoverDeadlineSeconds = 45;
          o.outageDeadlineSeconds = 30;
          o.sharedSeconds = 10;
        }
        case "--postgres" -> o.postgres = args[++i];
        case "--scenarios" -> o.scenarios = List.of(args[++i].split(","));
        case "--databases" -> o.databases = List.of(args[++i].split(","));
        case "--kills" -> o.kills = Integer.parseInt(args[++i]);
        case "--workflows" -> o.workflows = Integer.parseInt(args[++i]);
        case "--seed" -> o.seed = Long.parseLong(args[++i]);
        case "--takeover-deadline" -> o.takeoverDeadlineSeconds = Integer.parseInt(args[++i]);
        case "--outage-deadline" -> o.outageDeadlineSeconds = Integer.parseInt(args[++i]);
        case "--shared-seconds" -> o.sharedSeconds = Integer.parseInt(args[++i]);
        case "--postgres-bin" -> o.postgresBin = Path.of(args[++i]);
        case "--cluster-port" -> o.clusterPort = Integer.parseInt(args[++i]);
        case "--work" -> o.work = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + arg + "; see dbos-faults/README.md");
      }
    }
    return o;
  }
}
