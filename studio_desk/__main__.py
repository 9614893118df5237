from studio_desk.cli import main

raise SystemExit(main())
