from confnote.cli import main

raise SystemExit(main())
