@header
TỈNH ỦY NGHỆ AN || ĐẢNG CỘNG SẢN VIỆT NAM
* ||
Số 187-KH/TU || Nghệ An, ngày 08 tháng 4 năm 2025
@end
^KẾ HOẠCH
^thực hiện Kết luận số 146-KL/TW ngày 14/3/2025 của Bộ Chính trị về đẩy mạnh chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo trong các cơ quan của hệ thống chính trị
^-----
Thực hiện Kết luận số 146-KL/TW ngày 14/3/2025 của Bộ Chính trị (sau đây gọi tắt là Kết luận số 146-KL/TW), Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt, triển khai nghiêm túc Kết luận số 146-KL/TW trong toàn Đảng bộ tỉnh; xác định chuyển đổi số là nhiệm vụ trọng tâm, thường xuyên của cả hệ thống chính trị.
2. Các cấp ủy, tổ chức đảng xây dựng kế hoạch cụ thể, sát với thực tiễn của địa phương, đơn vị, nhất là ở các huyện miền núi.
II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao nhận thức và trách nhiệm của người đứng đầu
1.1. Tổ chức học tập, quán triệt Kết luận số 146-KL/TW cho cán bộ chủ chốt các cấp, hoàn thành trong tháng 5/2025.
1.2. Đưa chỉ tiêu chuyển đổi số vào chương trình công tác của cấp ủy và đánh giá, xếp loại chất lượng tổ chức đảng hằng năm.
2. Chuyển đổi số trong cơ quan đảng, chính quyền
2.1. Phấn đấu đến năm 2026, 100% cơ quan đảng cấp tỉnh và 80% cơ quan đảng cấp huyện sử dụng văn bản điện tử có chữ ký số.
2.2. Đến năm 2027, 100% xã, phường, thị trấn có kết nối mạng truyền số liệu chuyên dùng.
3. Chuyển đổi số ở vùng khó khăn
a) Ưu tiên đầu tư hạ tầng viễn thông tại các xã miền núi, biên giới; xóa vùng lõm sóng trong năm 2025.
b) Phấn đấu đến năm 2030, 70% người dân từ 15 tuổi trở lên ở các huyện miền núi có kỹ năng số cơ bản.
III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn việc học tập, quán triệt Kết luận số 146-KL/TW.
2. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh xây dựng kế hoạch triển khai; chỉ đạo Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính đầu tư hạ tầng số, hoàn thành trong quý IV/2025.
3. Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện; định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy).
4. Văn phòng Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy theo dõi, đôn đốc, kiểm tra việc thực hiện; báo cáo Ban Thường vụ Tỉnh ủy hằng năm.
@header
Nơi nhận: || T/M BAN THƯỜNG VỤ
- Ban Bí thư (b/c), || PHÓ BÍ THƯ THƯỜNG TRỰC
- Văn phòng Trung ương Đảng (b/c), ||
- Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc (t/h), || (Đã ký)
- Các ban đảng, Văn phòng Tỉnh ủy (t/h), ||
- Lưu Văn phòng Tỉnh ủy. || Hoàng Nghĩa Sơn
@end
