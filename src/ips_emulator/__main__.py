from ips_emulator.cli import main

main()
