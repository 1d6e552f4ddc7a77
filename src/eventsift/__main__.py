from eventsift.cli import main

main()
