"""The review meeting (会议汇报): its topics and the drafted work summary, without Streamlit, so
the page, the exports and the tests read the same snapshots."""
