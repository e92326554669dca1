"""One module per subcommand; each exposes a click command, registered here."""
from gsv_doctor.commands.check import check
from gsv_doctor.commands.explain import explain
from gsv_doctor.commands.fix import fix
from gsv_doctor.commands.hook import hook
from gsv_doctor.commands.preflight import preflight
from gsv_doctor.commands.run import run

COMMANDS = [check, fix, hook, explain, preflight, run]
