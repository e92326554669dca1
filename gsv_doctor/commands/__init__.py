"""One module per subcommand; each exposes a click command, registered here by name.

Modules are imported only when their command runs, so a start-script line such as
`gsv-doctor preflight` does not pay for the log catalog or the fix planner.
"""

COMMANDS = {
    "check": "gsv_doctor.commands.check:check",
    "fix": "gsv_doctor.commands.fix:fix",
    "hook": "gsv_doctor.commands.hook:hook",
    "explain": "gsv_doctor.commands.explain:explain",
    "preflight": "gsv_doctor.commands.preflight:preflight",
    "run": "gsv_doctor.commands.run:run",
}
