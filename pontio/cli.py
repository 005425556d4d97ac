"""`pontio`: the one command. `pontio demo`, `serve`, `worker`, `backup`, `restore`, and every
Django management command (`pontio migrate`, `pontio check --deploy` ...)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pontio.settings")
    from django.core.management import execute_from_command_line

    argv = sys.argv[:]
    argv[0] = "pontio"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
