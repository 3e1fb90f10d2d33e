package org.nqpfkg.server.bench;

import java.nio.file.Path;

/** Entry point of ./bench: benchmarks live here, never in the test suite. */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "load" : args[0];
        switch (what) {
            case "load" -> LoadBenchmark.run(Path.of(args.length > 1 ? args[1] : "seeds/ai-new-quality-productive-forces.txt"), 100);
            case "facade" -> FacadeBenchmark.run(Path.of(args.length > 1 ? args[1] : "seeds"),
                    java.time.Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "3"))));
            case "scale" -> ScaleBenchmark.run(args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                            : new int[] {1, 100, 1000},
                    java.time.Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "2"))), Path.of("docs/bench-scale.png"));
            case "corpus" -> CorpusBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 1000,
                    args.length > 2 ? Path.of(args[2]) : null);
            case "remote" -> RemoteBenchmark.run(Path.of(args.length > 1 ? args[1] : "seeds"),
                    java.time.Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "3"))),
                    java.util.Arrays.stream(System.getProperty("bench.concurrency", "1,8").split(",")).mapToInt(Integer::parseInt).toArray());
            case "soak" -> SoakBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 100_000, args.length > 2 ? Integer.parseInt(args[2]) : 64);
            default -> {
                System.err.println("usage: ./bench load [SEED.txt] | ./bench facade [SEEDS-FOLDER] | ./bench corpus [DOCUMENTS] [BASELINE-JAR] | ./bench scale [1,100,1000,10000] | ./bench soak [REQUESTS] [CONNECTIONS] | ./bench remote [SEEDS-FOLDER]");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
