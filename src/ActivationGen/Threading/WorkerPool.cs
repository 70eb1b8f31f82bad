using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace ActivationGen;

/// <summary>
/// A few long-lived background threads that split one job at a time into chunks. Nothing is allocated per
/// call: the job lives on the caller's stack and is reached through a pointer, and the signals are reused.
/// A call that arrives while another is running simply runs on its own thread.
/// </summary>
internal static unsafe class WorkerPool
{
    // Chunks of at least this many elements: large enough to amortize the hand-off, small enough to balance.
    private const int MinimumChunk = 1 << 14;

    private static readonly object Growing = new();
    private static readonly SemaphoreSlim Start = new(0);
    private static readonly ManualResetEventSlim Done = new(false);
    private static int threadCount;
    private static int busy;

    private static void* job;
    private static delegate*<void*, int, int, void> invoke;
    private static int length;
    private static int chunkLength;
    private static int chunkCount;
    private static int nextChunk;
    private static int pending;
    private static ExceptionDispatchInfo? failure;
    private static long workerAllocatedBytes;

    private static long chunksRunByWorkers;

    /// <summary>Bytes the workers allocated while running jobs: lets tests prove a split call allocates nothing.</summary>
    internal static long WorkerAllocatedBytes => Interlocked.Read(ref workerAllocatedBytes);

    /// <summary>Chunks that worker threads (not callers) ran: lets tests prove the split really happened.</summary>
    internal static long ChunksRunByWorkers => Interlocked.Read(ref chunksRunByWorkers);

    public static void Run(int count, void* state, delegate*<void*, int, int, void> body, int degree)
    {
        int chunks = Math.Min(degree * 4, Math.Max(1, count / MinimumChunk));
        if (degree <= 1 || chunks <= 1 || Interlocked.CompareExchange(ref busy, 1, 0) != 0)
        {
            body(state, 0, count);
            return;
        }
        try
        {
            int helpers = Math.Min(degree - 1, chunks - 1);
            EnsureThreads(helpers);
            job = state;
            invoke = body;
            length = count;
            // Chunk boundaries on 64-element multiples keep every chunk's vectors cache-line aligned alike.
            chunkLength = ((count + chunks - 1) / chunks + 63) & ~63;
            chunkCount = (count + chunkLength - 1) / chunkLength;
            nextChunk = -1;
            failure = null;
            pending = helpers;
            Done.Reset();
            Start.Release(helpers);
            try
            {
                Work();
            }
            finally
            {
                // Workers read the caller's stack: never return before every one of them is done.
                Done.Wait();
            }
            failure?.Throw();
        }
        finally
        {
            job = null;
            invoke = null;
            Volatile.Write(ref busy, 0);
        }
    }

    /// <summary>Runs chunks until none is left; returns how many this thread ran.</summary>
    private static int Work()
    {
        int chunk, ran = 0;
        while ((chunk = Interlocked.Increment(ref nextChunk)) < chunkCount)
        {
            int start = chunk * chunkLength;
            invoke(job, start, Math.Min(chunkLength, length - start));
            ran++;
        }
        return ran;
    }

    private static void Worker()
    {
        while (true)
        {
            Start.Wait();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                Interlocked.Add(ref chunksRunByWorkers, Work());
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                Interlocked.Add(ref workerAllocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
                if (Interlocked.Decrement(ref pending) == 0)
                    Done.Set();
            }
        }
    }

    private static void EnsureThreads(int count)
    {
        if (Volatile.Read(ref threadCount) >= count)
            return;
        lock (Growing)
        {
            for (; threadCount < count; threadCount++)
                new Thread(Worker) { IsBackground = true, Name = "ActivationGen worker " + threadCount }.Start();
        }
    }
}
