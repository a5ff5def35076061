"""Train nnhelpers.MLP on the full MNIST set within a time budget; report test accuracy.

    python benchmarks/mnist.py --data-dir DIR [--budget SECONDS] [--threads N] [--seed S]

DIR holds the four official .gz files (load_mnist("full", data_dir=DIR) checks their
SHA-256 and never touches the network when they are there). The last line printed is

    test accuracy 0.XXXX in NN.N s

where the time is the whole run: loading the data, training and testing.

The plan depends on the budget (pure NumPy, float32, mini-batches with momentum):
- under 30 s: 784-256-128-10, ReLU hidden layers, softmax + cross-entropy;
- 30 s or more: 784-512-512-10 in mini-batches of 256, every training image shifted
  at random by up to ±1 pixel each time it is used (nnhelpers.random_shifts), so longer
  training keeps improving instead of overfitting.
The learning rate falls linearly to a small value over the epochs that fit: after
each epoch the script measures how long epochs take and stops before one would
end after the budget (minus a reserve for testing).
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _fair  # noqa: E402  (sets nothing at import)

SMALL = dict(name="small", sizes=[784, 256, 128, 10], batch_size=128, momentum=0.9,
             lr=(0.1, 0.001), l2=1e-5, shift=0, max_epochs=40)
DEEP = dict(name="deep", sizes=[784, 512, 512, 10], batch_size=256, momentum=0.9,
            lr=(0.2, 0.001), l2=5e-5, shift=1, max_epochs=100)


def plan_for(budget):
    """The training plan (a dict) for a budget in seconds."""
    return SMALL if budget < 30 else DEEP


class OutOfTime(Exception):
    """Raised by the schedule when the next epoch would not end inside the budget."""


class TimedSchedule:
    """A learning rate per epoch for MLP.fit that also keeps training inside a deadline.

    MLP.fit calls it at the start of every epoch. It measures the epochs so far,
    estimates how many more fit before `deadline` (a time.perf_counter() value),
    and returns a rate falling linearly from lr_start (first epoch) to lr_end
    (last epoch that fits). When not even one more epoch fits it raises OutOfTime.
    """

    def __init__(self, lr_start, lr_end, deadline, max_epochs, log=print):
        self.lr_start, self.lr_end = lr_start, lr_end
        self.deadline, self.max_epochs, self.log = deadline, max_epochs, log
        self.started, self.times = None, []

    def epoch_estimate(self):
        """Seconds one epoch takes: the larger of the mean and the latest epoch."""
        return max(sum(self.times) / len(self.times), self.times[-1])

    def __call__(self, epoch):
        now = time.perf_counter()
        if self.started is not None:
            self.times.append(now - self.started)
        self.started = now
        if epoch == 0:
            return self.lr_start
        left = min(int((self.deadline - now) // self.epoch_estimate()), self.max_epochs - epoch)
        self.log(f"epoch {epoch:2d} took {self.times[-1]:5.2f} s; {max(left, 0)} more fit")
        if left < 1:
            raise OutOfTime
        done_share = epoch / (epoch + left - 1) if left > 1 else 1.0
        return self.lr_end + (self.lr_start - self.lr_end) * (1.0 - done_share)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", required=True, type=Path,
                        help="folder with the four MNIST .gz files")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds for the whole run (default 60)")
    parser.add_argument("--threads", type=int, default=1,
                        help="BLAS threads (default 1: robust when other programs run; try 2 on an idle machine)")
    parser.add_argument("--seed", type=int, default=0, help="seed for weights and batches")
    args = parser.parse_args(argv)
    if args.budget <= 0:
        parser.error(f"--budget must be a positive number of seconds, got {args.budget}")
    if args.threads < 1:
        parser.error(f"--threads must be at least 1, got {args.threads}")
    return args


def main(argv=None):
    args = parse_args(argv)
    threads = _fair.limit_threads(args.threads)
    malloc = _fair.tune_malloc()
    import numpy as np
    import nnhelpers as nh

    plan = plan_for(args.budget)
    shift = f", random shifts up to ±{plan['shift']} px" if plan["shift"] else ""
    print(f"MNIST benchmark: nnhelpers.MLP in pure NumPy {np.__version__}, budget {args.budget:g} s")
    print(f"timing: {threads}; {malloc}")
    print(f"plan '{plan['name']}': {'-'.join(map(str, plan['sizes']))}, ReLU, softmax + "
          f"cross-entropy, He init, float32, batch {plan['batch_size']}, momentum "
          f"{plan['momentum']}, L2 {plan['l2']:g}, lr {plan['lr'][0]} → {plan['lr'][1]}{shift}")

    start = time.perf_counter()
    (train_images, train_labels), (test_images, test_labels) = nh.load_mnist("full", data_dir=args.data_dir)
    X = train_images.reshape(len(train_images), -1).astype(np.float32) / np.float32(255)
    X_test = test_images.reshape(len(test_images), -1).astype(np.float32) / np.float32(255)
    y, y_test = train_labels.astype(np.int64), test_labels.astype(np.int64)
    print(f"data: {len(X)} training / {len(X_test)} test images from {args.data_dir} "
          f"(SHA-256 checked) in {time.perf_counter() - start:.1f} s", flush=True)

    rng = np.random.default_rng(args.seed)
    net = nh.MLP(plan["sizes"], hidden_activation="relu", output="softmax", loss="cross_entropy",
                 init="he", rng=rng, dtype="float32")
    reserve = 0.5 + 0.02 * args.budget          # seconds kept back for testing
    schedule = TimedSchedule(*plan["lr"], deadline=start + args.budget - reserve,
                             max_epochs=plan["max_epochs"], log=lambda s: print(s, flush=True))
    augment = nh.random_shifts(plan["shift"]) if plan["shift"] else None
    try:
        net.fit(X, y, epochs=plan["max_epochs"], batch_size=plan["batch_size"], lr=schedule,
                momentum=plan["momentum"], l2=plan["l2"], rng=rng, augment=augment)
        print(f"trained all {plan['max_epochs']} epochs of the plan")
    except OutOfTime:
        n = len(schedule.times)
        print(f"stopped after {n} epoch{'s' if n != 1 else ''}: the next would end after the budget")
    accuracy = net.evaluate(X_test, y_test)
    print(f"test accuracy {accuracy:.4f} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
