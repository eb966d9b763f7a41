"""Errors the knowledge package raises to operators."""


class ContentError(Exception):
    """A content file is invalid. The message names the file, the entry and the problem."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.problem = problem
        super().__init__(f"{file}: entry {entry}: {problem}")
