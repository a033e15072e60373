#!/usr/bin/env bash
# Offline financial sentiment: accuracy, macro-F1 and confusion matrix on the held-out valid split of the zeroshot
# finance tweets, accuracy on the hand-written news-style check set, load time and throughput of the bundled model.
#   bench/sentiment/run.sh           report on the bundled model
#   bench/sentiment/run.sh --train   regenerate agents/src/main/resources/com/finagent/agents/offline/sentiment/model.txt
#                                    from the training files first (deterministic, about 15 s), then report
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${FINAGENT_SHARED_DATA:-$ROOT/../shared/data}"
MODEL="$ROOT/agents/src/main/resources/com/finagent/agents/offline/sentiment/model.txt"
OUT="$ROOT/target/bench/sentiment"
mkdir -p "$OUT"
cd "$ROOT"
mvn -B -ntp -Dstyle.color=never -q -o -pl agents test-compile >/dev/null
# Lucene stems the words; Commons CSV reads the training files
mvn -B -ntp -Dstyle.color=never -q -o -pl agents dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/classpath" >/dev/null
CP="$ROOT/agents/target/classes:$ROOT/agents/target/test-classes:$(cat "$OUT/classpath")"
if [[ "${1:-}" == "--train" ]]; then
  java -cp "$CP" com.finagent.agents.offline.sentiment.SentimentTrainer "$DATA" "$MODEL"
  sha256sum "$MODEL"
  # copies the new model into target/classes
  mvn -B -ntp -Dstyle.color=never -q -o -pl agents test-compile >/dev/null
fi
java -cp "$CP" com.finagent.agents.offline.sentiment.SentimentBench "$DATA"
