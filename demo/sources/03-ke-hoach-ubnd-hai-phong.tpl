@header
ỦY BAN NHÂN DÂN || CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HẢI PHÒNG || Độc lập - Tự do - Hạnh phúc
Số: 124/KH-UBND || Hải Phòng, ngày 18 tháng 4 năm 2025
@end
^KẾ HOẠCH
^Triển khai thực hiện Kết luận số 146-KL/TW ngày 14/3/2025 của Bộ Chính trị về đẩy mạnh chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo trong các cơ quan của hệ thống chính trị trên địa bàn thành phố
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Căn cứ Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
Thực hiện Kế hoạch số 218-KH/TU ngày 02/4/2025 của Ban Thường vụ Thành ủy thực hiện Kết luận số 146-KL/TW ngày 14/3/2025 của Bộ Chính trị, Ủy ban nhân dân thành phố ban hành Kế hoạch triển khai thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ, giải pháp của Kết luận số 146-KL/TW và Kế hoạch số 218-KH/TU thành các nhiệm vụ cụ thể của các sở, ban, ngành, Ủy ban nhân dân các quận, huyện.
2. Phân công rõ cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành; bảo đảm sự phối hợp chặt chẽ giữa các cơ quan, đơn vị.
II. MỤC TIÊU
1. Đến năm 2026, 100% hồ sơ công việc tại cấp thành phố, 90% hồ sơ công việc tại cấp huyện và 80% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ mật).
2. Đến năm 2030, kinh tế số đạt 30% GRDP của thành phố; 100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.
III. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế, cơ chế, chính sách
1.1. Rà soát, sửa đổi các quy định của thành phố về quản lý, kết nối, chia sẻ dữ liệu; hoàn thành trong quý III/2025.
1.2. Xây dựng cơ chế hỗ trợ doanh nghiệp khởi nghiệp sáng tạo, doanh nghiệp công nghệ số trên địa bàn thành phố.
2. Phát triển hạ tầng số và dữ liệu số
2.1. Nâng cấp Trung tâm dữ liệu thành phố; kết nối cơ sở dữ liệu quốc gia về dân cư với các cơ sở dữ liệu chuyên ngành của thành phố, hoàn thành trong quý IV/2025.
2.2. Phủ sóng băng rộng di động thế hệ mới đến 100% thôn, tổ dân phố vào năm 2026.
3. Phát triển nguồn nhân lực số
a) Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức hằng năm.
b) Đẩy mạnh chuyển đổi số trong giáo dục và đào tạo, giáo dục nghề nghiệp; đưa nội dung kỹ năng số vào chương trình giáo dục phổ thông của thành phố.
(Chi tiết các nhiệm vụ tại Phụ lục kèm theo)
IV. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ: Chủ trì, phối hợp với Văn phòng Ủy ban nhân dân thành phố và các sở, ngành liên quan hướng dẫn, theo dõi, đôn đốc việc thực hiện Kế hoạch này; định kỳ hằng quý báo cáo Ủy ban nhân dân thành phố.
2. Sở Tài chính: Chủ trì, phối hợp với Sở Khoa học và Công nghệ tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách thành phố hằng năm.
3. Sở Nội vụ: Chủ trì, phối hợp với Sở Khoa học và Công nghệ đưa tiêu chí chuyển đổi số vào đánh giá, xếp loại cơ quan, đơn vị và công chức, viên chức; hoàn thành trong năm 2025.
4. Sở Giáo dục và Đào tạo: Chủ trì triển khai nhiệm vụ chuyển đổi số trong ngành giáo dục; xây dựng kế hoạch của ngành trước ngày 15/5/2025.
5. Ủy ban nhân dân các quận, huyện: Xây dựng kế hoạch thực hiện tại địa phương; chỉ đạo Ủy ban nhân dân cấp xã tổ chức thực hiện; định kỳ 6 tháng báo cáo kết quả về Sở Khoa học và Công nghệ để tổng hợp.
Trên đây là Kế hoạch triển khai thực hiện Kết luận số 146-KL/TW của Ủy ban nhân dân thành phố, yêu cầu các sở, ban, ngành, Ủy ban nhân dân các quận, huyện triển khai thực hiện./.
@header
Nơi nhận: || TM. ỦY BAN NHÂN DÂN
- Thường trực Thành ủy (b/c); || KT. CHỦ TỊCH
- Thường trực HĐND thành phố (b/c); || PHÓ CHỦ TỊCH
- CT, các PCT UBND thành phố; ||
- Các sở, ban, ngành thành phố (t/h); || (Đã ký)
- UBND các quận, huyện (t/h); ||
- Lưu: VT. || Trần Thị Thu Hương
@end
^PHỤ LỤC
^DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾT LUẬN SỐ 146-KL/TW
^(Kèm theo Kế hoạch số 124/KH-UBND ngày 18/4/2025 của Ủy ban nhân dân thành phố)
@table
TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
I | Thể chế, chính sách | | |
1 | Ban hành quy định quản lý, kết nối, chia sẻ dữ liệu của thành phố | Sở Khoa học và Công nghệ | Văn phòng Ủy ban nhân dân thành phố; Sở Tư pháp | Quý III/2025
2 | Ban hành chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo | Sở Khoa học và Công nghệ | Sở Tài chính | Năm 2026
II | Hạ tầng số, dữ liệu số | | |
3 | Nâng cấp Trung tâm dữ liệu thành phố | Sở Khoa học và Công nghệ | Công an thành phố; Sở Tài chính | Quý IV/2025
4 | Kết nối cơ sở dữ liệu dân cư với cơ sở dữ liệu ngành giáo dục | Sở Giáo dục và Đào tạo | Công an thành phố | Quý IV/2025
5 | Bố trí kinh phí chuyển đổi số | Sở Tài chính | Sở Khoa học và Công nghệ | Hằng năm
III | Nguồn nhân lực số | | |
6 | Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức | Sở Nội vụ | Sở Khoa học và Công nghệ | Hằng năm
7 | Chuyển đổi số trong giáo dục và đào tạo | Sở Giáo dục và Đào tạo | Sở Khoa học và Công nghệ; Ủy ban nhân dân các quận, huyện | Năm 2026
@end
