"""The demo town is built in steps that apps contribute from their `demo.py`:

    @demo_step(order=40)
    def publicity(town, say):
        ...

Each step is idempotent: it creates what is missing and leaves the rest.
`town` is 黄水镇; `say` prints a line of progress.
"""

from collections.abc import Callable

_STEPS: list[tuple[int, str, Callable]] = []


def demo_step(*, order: int):
    def register(step: Callable) -> Callable:
        name = f"{step.__module__}.{step.__name__}"
        if all(existing != name for _, existing, _ in _STEPS):
            _STEPS.append((order, name, step))
        return step

    return register


def steps() -> list[Callable]:
    return [step for _, _, step in sorted(_STEPS, key=lambda item: (item[0], item[1]))]
