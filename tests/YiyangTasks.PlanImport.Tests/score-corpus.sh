#!/bin/sh
# Prints the import corpus's scoring table (issue 12): per document and in total, tasks expected/found,
# exact lead and cooperating units, group placeholders and deadlines. The test fails below the targets.
cd "$(dirname "$0")/../.." || exit 1
dotnet test tests/YiyangTasks.PlanImport.Tests --filter CorpusScoringTests --logger "console;verbosity=detailed" "$@"
status=$?
find tests/YiyangTasks.PlanImport.Tests/bin -name corpus-score.md -newer tests/YiyangTasks.PlanImport.Tests/CorpusScoringTests.cs -exec cat {} \; 2>/dev/null | head -200
exit $status
