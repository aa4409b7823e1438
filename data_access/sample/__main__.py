"""python -m data_access.sample [--out DIR] [--seed N]"""

from data_access.sample import main

main()
