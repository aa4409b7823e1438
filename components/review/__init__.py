"""会议汇报: the review meeting's screens, its deck (a plain model of what the screens show) and
the exports built from it — PPTX, PDF, XLSX, PNG and the summary's DOCX. The model and the export
functions import no Streamlit, so they are tested without a browser."""
