"""Government bodies as records name them, in English: a county's data names the department
responsible for a room or the body that awarded an honour in Chinese; the English view shows
the body's English name where it is known here, else the name as recorded."""

ORGANISATIONS: dict[str, str] = {
    "县民政局": "County Civil Affairs Bureau",
    "县人力资源和社会保障局": "County Human Resources and Social Security Bureau",
    "县体育局": "County Sports Bureau",
    "县公安局": "County Public Security Bureau",
    "县卫生健康局": "County Health Commission",
    "县委组织部": "County Party Organisation Department",
    "县文化和旅游局": "County Culture and Tourism Bureau",
    "县教育局": "County Education Bureau",
    "县住房和城乡建设局": "County Housing and Urban-Rural Development Bureau",
    "县司法局": "County Justice Bureau",
    "县财政局": "County Finance Bureau",
    "城关镇人民政府": "Chengguan Town Government",
    "市民政局": "City Civil Affairs Bureau",
    "市人力资源和社会保障局": "City Human Resources and Social Security Bureau",
    "市委、市政府": "City Party Committee and City Government",
    "市综治委": "City Public Security Coordination Committee",
    "共青团市委": "City Communist Youth League Committee",
    "省民政厅": "Provincial Civil Affairs Department",
    "省人力资源和社会保障厅": "Provincial Human Resources and Social Security Department",
    "两委": "the two committees (Party and residents')",
}
