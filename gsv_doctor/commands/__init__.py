"""One module per subcommand; each exposes a click command, registered here."""
from gsv_doctor.commands.check import check
from gsv_doctor.commands.explain import explain

COMMANDS = [check, explain]
