from tipgraph.cli import main

main()
