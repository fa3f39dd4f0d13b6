// Hangfire keeps static state: hosts alive at the same time in one process cross-talk, so tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
